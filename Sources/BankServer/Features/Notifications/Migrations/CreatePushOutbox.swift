import Fluent
import SQLKit

/// The push outbox, with the status index the dispatcher reads by.
struct CreatePushOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PushMessage.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("device_id", .uuid, .required)
            .field("title", .data, .required)
            .field("body", .data, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("next_attempt_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "push_outbox_status_idx").on(PushMessage.schema).column("status").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(PushMessage.schema).delete() }
}
