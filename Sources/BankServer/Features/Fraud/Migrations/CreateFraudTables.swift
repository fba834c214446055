import Fluent

struct CreateFraudTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DeviceLocationRecord.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("coordinates", .data, .required)
            .field("country", .string, .required)
            .field("operation", .string, .required)
            .create()
        try await database.schema(Company.schema).field("allowed_countries", .string, .required, .sql(.default("KZ"))).update()
        try await database.schema(PaymentOrderRecord.schema).field("risk_reasons", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentOrderRecord.schema).deleteField("risk_reasons").update()
        try await database.schema(Company.schema).deleteField("allowed_countries").update()
        try await database.schema(DeviceLocationRecord.schema).delete()
    }
}
