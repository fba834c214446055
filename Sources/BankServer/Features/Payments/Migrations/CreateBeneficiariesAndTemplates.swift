import Fluent

struct CreateBeneficiariesAndTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SavedBeneficiary.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("name", .string, .required)
            .field("tax_id", .string, .required)
            .field("iban", .string, .required)
            .field("bic", .string, .required)
            .field("kbe", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(PaymentTemplate.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("name", .string, .required)
            .field("order", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentTemplate.schema).delete()
        try await database.schema(SavedBeneficiary.schema).delete()
    }
}
