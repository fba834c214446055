import Fluent

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
