import Fluent
import SQLKit

struct CreateOtpChallenges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OtpChallenge.schema)
            .id()
            .field("purpose", .string, .required)
            .field("user_id", .uuid)
            .field("phone_index", .string, .required)
            .field("phone", .data, .required)
            .field("binding", .string, .required)
            .field("code_hmac", .string, .required)
            .field("context", .data)
            .field("attempts", .int, .required)
            .field("sends", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_sent_at", .datetime, .required)
            .field("consumed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(OtpChallenge.schema).delete() }
}

struct CreateSMSOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SMSMessage.schema)
            .id()
            .field("user_id", .uuid)
            .field("recipient", .data, .required)
            .field("body", .data, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("next_attempt_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(SMSMessage.schema).delete() }
}

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("event", .string, .required)
            .field("actor_id", .uuid)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(AuditEntry.schema).delete() }
}

struct CreateAccessLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccessLogEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("ip", .string, .required)
            .field("user_agent", .string, .required)
            .field("app_version", .string)
            .field("method", .string, .required)
            .field("path", .string, .required)
            .field("status", .int, .required)
            .field("duration_ms", .int, .required)
            .field("user_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(AccessLogEntry.schema).delete() }
}

struct CreateRateLimitCounters: AsyncMigration {
    static let schema = "rate_limit_counters"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.schema)
            .id()
            .field("bucket", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .unique(on: "bucket", "window_start")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Self.schema).delete() }
}

struct CreateSecurityAlerts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecurityAlert.schema)
            .id()
            .field("kind", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("channel", .string, .required)
            .field("created_at", .datetime, .required)
            .field("handled_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(SecurityAlert.schema).delete() }
}

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

/// Audit events waiting to be chained (see `AuditChainer`).
struct CreatePendingAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingAuditRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("at_ms", .int64, .required)
            .field("event", .string, .required)
            .field("actor_id", .uuid)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PendingAuditRecord.schema).delete() }
}
