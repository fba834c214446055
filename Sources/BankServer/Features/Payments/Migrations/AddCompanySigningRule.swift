import Fluent

/// The company's signing rule: one signature, or both signatures above an amount (issue 3).
struct AddCompanySigningRule: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Company.schema)
            .field("dual_signature_threshold", .int64)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Company.schema).deleteField("dual_signature_threshold").update()
    }
}
