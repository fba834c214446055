import Fluent
import SQLKit

/// The e-mail outbox (§4.1: codes proving a new address), with the status index the dispatcher reads by.
struct CreateEmailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmailMessage.schema)
            .id()
            .field("user_id", .uuid)
            .field("recipient", .data, .required)
            .field("subject", .string, .required)
            .field("body", .data, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("next_attempt_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "email_outbox_status_idx").on(EmailMessage.schema).column("status").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(EmailMessage.schema).delete() }
}
