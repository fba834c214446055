import Fluent
import SQLKit

/// Indexes for the lookups the hot paths make (sessions by user, access log by time for retention).
struct CreateLookupIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sessions_user_idx").on(UserSession.schema).column("user_id").run()
        try await sql.create(index: "access_log_at_idx").on(AccessLogEntry.schema).column("at").run()
        try await sql.create(index: "otp_challenges_expires_idx").on(OtpChallenge.schema).column("expires_at").run()
        try await sql.create(index: "sms_outbox_status_idx").on(SMSMessage.schema).column("status").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in ["sessions_user_idx", "access_log_at_idx", "otp_challenges_expires_idx", "sms_outbox_status_idx"] {
            try await sql.drop(index: name).run()
        }
    }
}
