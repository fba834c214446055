import Fluent

struct CreateClearingMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClearingMessage.schema)
            .id()
            .field("payment_id", .uuid, .required, .references(PaymentOrderRecord.schema, "id"))
            .field("message_id", .string, .required)
            .field("xml", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("resolved_at", .datetime)
            .field("return_reason", .string)
            .unique(on: "payment_id")
            .unique(on: "message_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ClearingMessage.schema).delete() }
}
