import Fluent

/// Law 94-V: the register of personal-data breaches and the subjects each one affected.
struct CreateBreachIncidents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BreachIncident.schema)
            .id()
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references(StaffMember.schema, "id"))
            .field("detected_at", .datetime, .required)
            .field("description", .string, .required)
            .field("data_categories", .string, .required)
            .field("measures_taken", .string, .required)
            .field("affected_count", .int, .required)
            .field("notification_due_at", .datetime, .required)
            .field("staff_role", .string, .required)
            .create()
        try await database.schema(BreachAffectedSubject.schema)
            .id()
            .field("incident_id", .uuid, .required, .references(BreachIncident.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "incident_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreachAffectedSubject.schema).delete()
        try await database.schema(BreachIncident.schema).delete()
    }
}
