import Fluent
import SQLKit

/// §2.2.3: the in-app inbox, read newest first per user.
struct CreateInboxItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InboxItem.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("category", .string, .required)
            .field("template_key", .string, .required)
            .field("parameters", .data, .required)
            .field("content_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "inbox_items_user_created_idx").on(InboxItem.schema).column("user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(InboxItem.schema).delete() }
}
