import Fluent

struct CreatePolicyEditions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PolicyEdition.schema)
            .id()
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("text_kk", .string, .required)
            .field("text_ru", .string)
            .field("text_en", .string)
            .field("published_at", .datetime, .required)
            .field("effective_at", .datetime, .required)
            .field("last_updated", .string, .required)
            .unique(on: "version")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PolicyEdition.schema).delete() }
}

struct CreatePolicyAcceptances: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PolicyAcceptance.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("edition_id", .uuid, .required, .references(PolicyEdition.schema, "id"))
            .field("accepted_at", .datetime, .required)
            .field("ip", .string, .required)
            .field("device_installation_id", .string, .required)
            .field("user_agent", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PolicyAcceptance.schema).delete() }
}

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
