import Fluent

struct CreatePaymentSignatures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentSignature.schema)
            .id()
            .field("order_id", .uuid, .required, .references(PaymentOrderRecord.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("slot", .string, .required)
            .field("content_hash", .string, .required)
            .field("signed_at", .datetime, .required)
            // one signature per slot per content: a second "first signature" cannot slip in concurrently
            .unique(on: "order_id", "slot", "content_hash")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PaymentSignature.schema).delete() }
}
