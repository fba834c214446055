import Fluent

/// Issue 14: the breach register tracks when the authority was notified and how many notices went out.
struct AddBreachTracking: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite: one column per ALTER
        try await database.schema(BreachIncident.schema).field("authority_notified_at", .datetime).update()
        try await database.schema(BreachIncident.schema).field("notices_sent", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreachIncident.schema).deleteField("notices_sent").update()
        try await database.schema(BreachIncident.schema).deleteField("authority_notified_at").update()
    }
}
