import Fluent

struct CreateConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("purpose", .string, .required)
            .field("operator_name", .string, .required)
            .field("operator_bin", .string, .required)
            .field("data_categories", .string, .required)
            .field("duration", .string, .required)
            .field("third_party", .bool, .required)
            .field("cross_border", .bool, .required)
            .field("edition_id", .uuid, .required, .references(PolicyEdition.schema, "id"))
            .field("granted_at", .datetime, .required)
            .field("withdrawn_at", .datetime)
            .field("channel", .string, .required)
            .field("device_installation_id", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Consent.schema).delete() }
}
