import BankAPI
import BankCore
import Fluent
import Vapor

/// §2.2.8: offers, tariffs and news go only to users with a live marketing consent, checked when the message is
/// queued; withdrawing the consent also cancels what is still waiting in the outbox (withdrawal takes effect at
/// once). The notifications work will add channels and preferences on top of this.
struct MarketingOffers: Sendable {
    let services: BankServices
    static let category = "marketing"

    /// Queues `text` to every user whose marketing consent is live; returns how many were queued.
    func send(_ text: LocalizedOffer, by staffID: UUID?, on database: any Database) async throws -> Int {
        let consents = try await Consent.query(on: database)
            .filter(\.$purpose == ProcessingPurpose.marketing.rawValue).filter(\.$withdrawnAt == nil).all()
        let userIDs = Set(consents.map { $0.$user.id })
        guard !userIDs.isEmpty else { return 0 }
        let users = try await User.query(on: database).filter(\.$id ~~ Array(userIDs)).filter(\.$status == .active).all()
        return try await database.transaction { tx in
            for user in users {
                let person = try services.vault.open(user)
                try await SMSOutbox(services: services).enqueue(to: person.phone, text: text.kk, category: Self.category, userID: user.id, on: tx)
            }
            try await AuditLog.record(
                "marketing.offer_queued",
                actor: staffID,
                subject: "offer",
                details: ["recipients": String(users.count)],
                at: services.clock.now(),
                on: tx
            )
            return users.count
        }
    }

    /// Called when the marketing consent is withdrawn: nothing still pending may go out.
    func cancelPending(for userID: UUID, on database: any Database) async throws {
        try await SMSMessage.query(on: database)
            .filter(\.$userID == userID).filter(\.$category == Self.category).filter(\.$status == .pending)
            .delete()
    }

    /// Staff: `POST /staff/offers`.
    static func staffSend(req: Request) async throws -> OfferQueued {
        let staff = try req.staff(.privacyOfficer, .support)
        let offer = try req.content.decode(LocalizedOffer.self)
        var validator = FieldValidator()
        _ = validator.require("kk", offer.kk, maxLength: 300)
        _ = validator.require("ru", offer.ru, maxLength: 300)
        _ = validator.require("en", offer.en, maxLength: 300)
        try validator.throwIfInvalid()
        return OfferQueued(recipients: try await MarketingOffers(services: req.bank).send(offer, by: staff.id, on: req.db))
    }
}
