import Fluent

struct CreateRateLimitCounters: AsyncMigration {
    static let schema = "rate_limit_counters"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.schema)
            .id()
            .field("bucket", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .unique(on: "bucket", "window_start")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Self.schema).delete() }
}
