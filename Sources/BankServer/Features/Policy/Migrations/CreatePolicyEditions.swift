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
