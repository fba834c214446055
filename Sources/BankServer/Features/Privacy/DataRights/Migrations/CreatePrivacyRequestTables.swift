import Fluent

struct CreatePrivacyRequestTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PrivacyRequest.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("received_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("handled_by", .uuid)
            .field("handler_role", .string)
            .field("refusal_reason", .string)
            .create()
        try await database.schema(StaffDataAccess.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("staff_id", .uuid, .required)
            .field("staff_role", .string, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffDataAccess.schema).delete()
        try await database.schema(PrivacyRequest.schema).delete()
    }
}
