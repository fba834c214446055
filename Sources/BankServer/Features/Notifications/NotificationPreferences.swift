import BankAPI
import BankCore
import Fluent
import Foundation

/// Per-user channel choices (§2.2.3, §2.2.8). Defaults when the user has chosen nothing: operational notices in
/// the inbox and by push; marketing in the inbox only — it interrupts nobody, and SMS, e-mail and push reach the
/// user outside the app, so they wait for an explicit choice. Security is never a preference.
struct NotificationPreferences: Sendable {
    let services: BankServices

    struct Choice: Sendable, Equatable {
        var operational: Set<NotificationChannel> = [.inApp, .push]
        var marketing: Set<NotificationChannel> = [.inApp]
        var language: Language?
    }

    static let security: Set<NotificationChannel> = [.inApp, .sms]

    func current(_ userID: UUID, on database: any Database) async throws -> Choice {
        guard let row = try await NotificationPreference.query(on: database).filter(\.$userID == userID).first() else { return Choice() }
        return Choice(
            operational: NotificationChannel.parse(row.operationalChannels).union([.inApp]),
            marketing: NotificationChannel.parse(row.marketingChannels),
            language: row.language.flatMap(Language.init(rawValue:))
        )
    }

    /// Validates the whole choice (every bad entry reported, nothing stored on error) and stores it.
    func update(_ update: NotificationPreferencesUpdate, userID: UUID, on database: any Database) async throws -> Choice {
        var validator = FieldValidator()
        func channels(_ field: String, _ names: [String]) -> Set<NotificationChannel> {
            var result = Set<NotificationChannel>()
            for (index, name) in names.enumerated() {
                if let channel = NotificationChannel(rawValue: name) {
                    result.insert(channel)
                } else {
                    validator.add("\(field)[\(index)]", .unknownChannel)
                }
            }
            return result
        }
        let choice = Choice(
            operational: channels("operational", update.operational).union([.inApp]),
            marketing: channels("marketing", update.marketing),
            language: update.language.flatMap(Language.init(rawValue:))
        )
        if update.language != nil, choice.language == nil { validator.add("language", .invalidValue) }
        try validator.throwIfInvalid()
        try await database.transaction { tx in
            let row = try await NotificationPreference.query(on: tx).filter(\.$userID == userID).first() ?? NotificationPreference()
            row.userID = userID
            row.operationalChannels = NotificationChannel.store(choice.operational)
            row.marketingChannels = NotificationChannel.store(choice.marketing)
            row.language = choice.language?.rawValue
            row.updatedAt = services.clock.now()
            try await row.save(on: tx)
            try await AuditLog.record(
                .notificationsPreferencesChanged,
                actor: userID,
                subject: .user(userID),
                details: ["operational": row.operationalChannels, "marketing": row.marketingChannels],
                at: services.clock.now(),
                on: tx
            )
        }
        return choice
    }

    func view(_ choice: Choice, userID: UUID, on database: any Database) async throws -> NotificationPreferencesView {
        let consent = try await ConsentService(services: services).live(.marketing, userID: userID, on: database)
        return NotificationPreferencesView(
            language: choice.language?.rawValue,
            security: Self.security.sorted().map(\.rawValue),
            operational: choice.operational.sorted().map(\.rawValue),
            marketing: choice.marketing.sorted().map(\.rawValue),
            marketingConsent: consent != nil
        )
    }
}
