import Fluent

/// Audit events waiting to be chained (see `AuditChainer`).
struct CreatePendingAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingAuditRecord.schema)
            .field("id", .int64, .identifier(auto: true))
            .field("at_ms", .int64, .required)
            .field("event", .string, .required)
            .field("actor_id", .uuid)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PendingAuditRecord.schema).delete() }
}
