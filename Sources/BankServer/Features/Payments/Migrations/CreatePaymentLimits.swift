import Fluent

struct CreatePaymentLimits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentLimit.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("currency", .string, .required)
            .field("per_payment", .int64)
            .field("daily", .int64)
            .unique(on: "company_id", "user_id", "currency")
            .create()
        // Running daily totals, one row per scope and day, raised only by a conditional upsert.
        try await database.schema("payment_daily_totals")
            .id()
            .field("scope", .string, .required)
            .field("day", .string, .required)
            .field("currency", .string, .required)
            .field("total", .int64, .required)
            .unique(on: "scope", "day", "currency")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payment_daily_totals").delete()
        try await database.schema(PaymentLimit.schema).delete()
    }
}
