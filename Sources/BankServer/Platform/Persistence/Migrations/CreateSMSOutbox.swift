import Fluent

struct CreateSMSOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await OutboxSchema.create(SMSMessage.schema, on: database) { table in
            table.field("user_id", .uuid).field("recipient", .data, .required)
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(SMSMessage.schema).delete() }
}
