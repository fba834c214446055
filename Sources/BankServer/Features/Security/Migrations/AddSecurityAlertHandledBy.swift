import Fluent

/// §5.2: who of the fraud team handled a security alert (`handled_at` existed, nothing set it).
struct AddSecurityAlertHandledBy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SecurityAlert.schema).field("handled_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SecurityAlert.schema).deleteField("handled_by").update()
    }
}
