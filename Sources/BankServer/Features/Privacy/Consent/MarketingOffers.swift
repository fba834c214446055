import BankAPI
import BankCore
import Fluent
import Vapor

/// §2.2.8: offers, tariffs and news reach users only through `NotificationService`'s marketing path — a live
/// marketing consent, checked when the message is queued, and the channels the user chose (in-app by default).
/// Withdrawing the consent also cancels what is still waiting in any outbox (withdrawal takes effect at once).
struct MarketingOffers: Sendable {
    let services: BankServices
    static let category = NotificationCategory.marketing.rawValue

    /// Queues `text` (staff-written, in three languages) to every user with a live consent; returns how many it reached.
    func send(_ text: LocalizedOffer, by staffID: UUID?, on database: any Database) async throws -> Int {
        let message = NotificationMessage(key: "notification.offer", parameters: ["text.kk": text.kk, "text.ru": text.ru, "text.en": text.en])
        return try await send(message, by: staffID, on: database)
    }

    /// Tells consenting users about a published item (`POST /staff/content` with `notify`).
    func send(content item: ContentItem, by staffID: UUID?, on database: any Database) async throws -> Int {
        let message = NotificationMessage(
            key: "notification.content",
            parameters: ["title.kk": item.titleKk, "title.ru": item.titleRu, "title.en": item.titleEn],
            contentID: try item.requireID()
        )
        return try await send(message, by: staffID, on: database)
    }

    private func send(_ message: NotificationMessage, by staffID: UUID?, on database: any Database) async throws -> Int {
        let consents = try await Consent.query(on: database)
            .filter(\.$purpose == ProcessingPurpose.marketing.rawValue).filter(\.$withdrawnAt == nil).all()
        let userIDs = Set(consents.map { $0.$user.id })
        guard !userIDs.isEmpty else { return 0 }
        let users = try await User.query(on: database).filter(\.$id ~~ Array(userIDs)).filter(\.$status == .active).all()
        return try await database.transaction { tx in
            var reached = 0
            let notifications = NotificationService(services: services)
            for user in users {
                let channels = try await notifications.notify(user, .marketing, message, on: tx)
                if !channels.isEmpty { reached += 1 }
            }
            try await AuditLog.record(
                .marketingOfferQueued,
                actor: staffID,
                subject: message.contentID.map { .content($0) } ?? .offer,
                details: ["recipients": String(reached)],
                at: services.clock.now(),
                on: tx
            )
            return reached
        }
    }

    /// Called when the marketing consent is withdrawn: nothing still pending may go out.
    func cancelPending(for userID: UUID, on database: any Database) async throws {
        try await NotificationService(services: services).cancelPendingMarketing(for: userID, on: database)
    }
}
