import Fluent

struct CreateAccessLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccessLogEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("ip", .string, .required)
            .field("user_agent", .string, .required)
            .field("app_version", .string)
            .field("method", .string, .required)
            .field("path", .string, .required)
            .field("status", .int, .required)
            .field("duration_ms", .int, .required)
            .field("user_id", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(AccessLogEntry.schema).delete() }
}
