import Fluent

/// The e-mail outbox (§4.1: codes proving a new address), with the status index the dispatcher reads by.
struct CreateEmailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await OutboxSchema.create(EmailMessage.schema, statusIndex: "email_outbox_status_idx", on: database) { table in
            table.field("user_id", .uuid).field("recipient", .data, .required).field("subject", .string, .required)
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(EmailMessage.schema).delete() }
}
