import Fluent

struct CreateSupportAndFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupportTicket.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("subject", .data, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(SupportMessage.schema)
            .id()
            .field("ticket_id", .uuid, .required, .references(SupportTicket.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("staff_id", .uuid)
            .field("staff_role", .string)
            .field("body", .data, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(FeedbackEntry.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("topic", .string, .required)
            .field("text", .data, .required)
            .field("rating", .int)
            .field("attachment_id", .uuid)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackEntry.schema).delete()
        try await database.schema(SupportMessage.schema).delete()
        try await database.schema(SupportTicket.schema).delete()
    }
}
