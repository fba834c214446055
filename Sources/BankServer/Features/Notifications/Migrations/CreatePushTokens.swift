import Fluent
import SQLKit

/// Push tokens, one per device, sealed.
struct CreatePushTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PushToken.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("device_id", .uuid, .required)
            .field("platform", .string, .required)
            .field("token", .data, .required)
            .field("registered_at", .datetime, .required)
            .unique(on: "device_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "push_tokens_user_idx").on(PushToken.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(PushToken.schema).delete() }
}
