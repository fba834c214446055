import Fluent

/// The push outbox, with the status index the dispatcher reads by.
struct CreatePushOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await OutboxSchema.create(PushMessage.schema, statusIndex: "push_outbox_status_idx", on: database) { table in
            table.field("user_id", .uuid, .required).field("device_id", .uuid, .required).field("title", .data, .required)
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(PushMessage.schema).delete() }
}
