import Fluent

/// Review M14: the staff second factor and the idle timeout.
struct AddStaffSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE
        try await database.schema(StaffMember.schema).field("totp_secret", .data).update()
        try await database.schema(StaffMember.schema).field("totp_last_step", .int64).update()
        try await database.schema(StaffSession.schema).field("last_seen_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).deleteField("last_seen_at").update()
        try await database.schema(StaffMember.schema).deleteField("totp_secret").update()
        try await database.schema(StaffMember.schema).deleteField("totp_last_step").update()
    }
}
