import Fluent

/// `job_leases` (issue 13): one row per leased background job, so two processes never run it at once (`JobLease`).
struct CreateJobLeases: AsyncMigration {
    static let schema = "job_leases"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.schema)
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("leased_until", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Self.schema).delete() }
}
