import Fluent

struct CreateDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Device.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("installation_id", .string, .required)
            .field("name", .string, .required)
            .field("platform", .string, .required)
            .field("app_version", .string, .required)
            .field("first_seen_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("trusted_at", .datetime)
            .field("public_key", .data)
            .field("key_enrolled_at", .datetime)
            .unique(on: "user_id", "installation_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Device.schema).delete() }
}
