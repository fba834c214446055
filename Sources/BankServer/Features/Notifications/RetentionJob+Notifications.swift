import BankCore
import Fluent
import Foundation

extension RetentionJob {
    /// Read inbox entries are kept this long after they were read (§2.1 minimisation); unread ones wait for the user.
    static let readInboxRetentionDays = 90.0

    /// Delivered (or given-up) push messages after 7 days, like SMS and e-mail; read inbox entries after 90 days.
    static func notificationRules(now: Date) -> [Rule] {
        let day = 86_400.0
        let shortCutoff = now.addingTimeInterval(-7 * day)
        let readCutoff = now.addingTimeInterval(-readInboxRetentionDays * day)
        return [
            .rows("push") { PushMessage.query(on: $0).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed]) },
            .rows("inbox_read") { InboxItem.query(on: $0).filter(\.$readAt < readCutoff) },
        ]
    }

    /// §2.2.8: a marketing message still waiting, on any channel, for someone whose marketing consent is no longer
    /// live never goes out.
    static func withdrawnConsentMarketing() -> Rule {
        @Sendable func live(_ database: any Database) async throws -> [UUID] {
            try await Consent.query(on: database)
                .filter(\.$purpose == ProcessingPurpose.marketing.rawValue).filter(\.$withdrawnAt == nil).all().map { $0.$user.id }
        }
        let category = NotificationCategory.marketing.rawValue
        return Rule(
            category: "withdrawn_consent_marketing",
            count: { database in
                let live = try await live(database)
                return try await SMSMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).count()
                    + EmailMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).count()
                    + PushMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).count()
            },
            delete: { database in
                let live = try await live(database)
                try await SMSMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).delete()
                try await EmailMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).delete()
                try await PushMessage.query(on: database).filter(\.$category == category).filter(\.$status == .pending)
                    .filter(\.$userID !~ live).delete()
            }
        )
    }
}
