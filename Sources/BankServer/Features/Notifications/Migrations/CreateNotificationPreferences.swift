import Fluent

/// §2.2.3, §2.2.8: channels per category, one row per user.
struct CreateNotificationPreferences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationPreference.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("operational_channels", .string, .required)
            .field("marketing_channels", .string, .required)
            .field("language", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(NotificationPreference.schema).delete() }
}
