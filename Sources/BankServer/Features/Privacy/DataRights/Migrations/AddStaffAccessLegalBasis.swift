import Fluent

/// A staff read of a person whose data is blocked names the law that still requires it (Law 94-V art. 24–25).
struct AddStaffAccessLegalBasis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffDataAccess.schema).field("legal_basis", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffDataAccess.schema).deleteField("legal_basis").update()
    }
}
