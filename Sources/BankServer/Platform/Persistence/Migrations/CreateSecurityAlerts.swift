import Fluent

struct CreateSecurityAlerts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecurityAlert.schema)
            .id()
            .field("kind", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("channel", .string, .required)
            .field("created_at", .datetime, .required)
            .field("handled_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(SecurityAlert.schema).delete() }
}
