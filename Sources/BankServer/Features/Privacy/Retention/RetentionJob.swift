import BankCore
import Fluent
import Foundation

/// Deletes what has outlived its purpose (§2.1, Law 94-V art. 12, art. 18), one rule per category, and reports
/// what it did by category: access-log rows past their retention, expired one-time codes and device
/// challenges, ended client and staff sessions, delivered messages, and data kept under a consent that has
/// since been withdrawn. Run hourly by the server and by `bizbank privacy purge [--dry-run]`.
struct RetentionJob: Sendable {
    let services: BankServices

    struct Report: Sendable, Equatable, CustomStringConvertible {
        /// Rows per category, in the order the rules run.
        var counts: [(category: String, rows: Int)] = []

        subscript(category: String) -> Int { counts.first { $0.category == category }?.rows ?? 0 }
        var accessLogRows: Int { self["access_log"] }
        var otpChallenges: Int { self["otp_challenges"] }
        var sessions: Int { self["sessions"] }

        var description: String { counts.map { "\($0.category)=\($0.rows)" }.joined(separator: " ") }

        static func == (lhs: Report, rhs: Report) -> Bool { lhs.description == rhs.description }
    }

    /// One category: what to count and delete.
    struct Rule: Sendable {
        let category: String
        let count: @Sendable (any Database) async throws -> Int
        let delete: @Sendable (any Database) async throws -> Void

        static func rows<M: Model>(_ category: String, _ query: @escaping @Sendable (any Database) async throws -> QueryBuilder<M>) -> Rule {
            Rule(category: category, count: { try await query($0).count() }, delete: { try await query($0).delete() })
        }
    }

    /// With `dryRun` it counts what would go and deletes nothing.
    func run(dryRun: Bool = false, on database: any Database) async throws -> Report {
        let rules = rules()
        var report = Report()
        for rule in rules { report.counts.append((rule.category, try await rule.count(database))) }
        guard !dryRun else { return report }
        try await database.transaction { tx in
            for rule in rules { try await rule.delete(tx) }
            try await services.rateLimiter.purge(olderThan: 86_400, on: tx)
        }
        return report
    }

    private func rules() -> [Rule] {
        let now = services.clock.now()
        let day = 86_400.0
        let accessCutoff = now.addingTimeInterval(-Double(services.config.accessLogRetentionDays) * day)
        // Ended sessions, used codes and delivered messages are kept a short while for investigations, then go.
        let shortCutoff = now.addingTimeInterval(-7 * day)
        let supportDays = Double(services.purposes.entry(.support).retentionDays ?? 1825)
        return [
            .rows("access_log") { AccessLogEntry.query(on: $0).filter(\.$at < accessCutoff) },
            .rows("otp_challenges") { OtpChallenge.query(on: $0).filter(\.$expiresAt < shortCutoff) },
            .rows("device_challenges") { DeviceKeyChallenge.query(on: $0).filter(\.$expiresAt < shortCutoff) },
            .rows("sessions") {
                UserSession.query(on: $0).group(.or) { $0.filter(\.$expiresAt < shortCutoff).filter(\.$revokedAt < shortCutoff) }
            },
            .rows("staff_sessions") {
                StaffSession.query(on: $0).group(.or) { $0.filter(\.$expiresAt < shortCutoff).filter(\.$revokedAt < shortCutoff) }
            },
            .rows("sms") { SMSMessage.query(on: $0).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed]) },
            .rows("email") { EmailMessage.query(on: $0).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed]) },
            // §2.2.4: locations for fraud prevention are kept for the purpose's retention only.
            .rows("location") { database in
                let days = Double(services.purposes.entry(.fraudLocation).retentionDays ?? 30)
                return DeviceLocationRecord.query(on: database).filter(\.$at < now.addingTimeInterval(-days * day))
            },
            // §2.2.7: support conversations and feedback, five years after closing (the purposes register)
            .rows("support_messages") { database in
                let old = try await SupportTicket.query(on: database)
                    .filter(\.$status == .closed).filter(\.$closedAt < now.addingTimeInterval(-supportDays * day)).all().compactMap(\.id)
                return SupportMessage.query(on: database).filter(\.$ticketID ~~ old)
            },
            .rows("support_tickets") {
                SupportTicket.query(on: $0).filter(\.$status == .closed).filter(\.$closedAt < now.addingTimeInterval(-supportDays * day))
            },
            // Issue 3: an answered, revoked or expired invitation, and the person data sealed in it, goes after a week.
            .rows("employee_invitations") {
                EmployeeInvitation.query(on: $0).group(.or) { $0.filter(\.$decidedAt < shortCutoff).filter(\.$expiresAt < shortCutoff) }
            },
            // Review M13: a registration never finished, once its code has expired.
            Rule(
                category: "pending_registrations",
                count: { try await StaleRegistrations(services: services).count(on: $0) },
                delete: { try await StaleRegistrations(services: services).release(on: $0) }
            ),
            // Issue 10: a stored answer to an Idempotency-Key (sealed; it may name payees) is replayable for 7 days.
            .rows("idempotency_keys") { IdempotencyRecord.query(on: $0).filter(\.$createdAt < shortCutoff) },
            .rows("feedback") { FeedbackEntry.query(on: $0).filter(\.$createdAt < now.addingTimeInterval(-supportDays * day)) },
            // §2.2.8: an offer still waiting (SMS, e-mail, push) for someone whose marketing consent is no longer live.
            Self.withdrawnConsentMarketing(),
        ] + Self.notificationRules(now: now) + dormantRules(now: now)
    }
}
