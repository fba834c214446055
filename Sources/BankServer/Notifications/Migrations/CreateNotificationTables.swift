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

/// The push outbox, with the status index the dispatcher reads by.
struct CreatePushOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PushMessage.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("device_id", .uuid, .required)
            .field("title", .data, .required)
            .field("body", .data, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("next_attempt_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "push_outbox_status_idx").on(PushMessage.schema).column("status").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(PushMessage.schema).delete() }
}

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
