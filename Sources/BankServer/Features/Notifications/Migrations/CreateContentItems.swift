import Fluent
import SQLKit

/// §2.2.8: news, tariffs and offers, listed by kind newest first.
struct CreateContentItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContentItem.schema)
            .id()
            .field("kind", .string, .required)
            .field("title_kk", .string, .required)
            .field("title_ru", .string, .required)
            .field("title_en", .string, .required)
            .field("body_kk", .string, .required)
            .field("body_ru", .string, .required)
            .field("body_en", .string, .required)
            .field("published_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required)
            .field("recipients", .int)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "content_items_kind_published_idx").on(ContentItem.schema).column("kind").column("published_at").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(ContentItem.schema).delete() }
}
