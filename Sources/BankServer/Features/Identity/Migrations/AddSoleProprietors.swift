import Fluent

/// Issue 10: individual entrepreneurs register by IIN.
struct AddSoleProprietors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE
        try await database.schema(Company.schema).field("kind", .string, .required, .sql(.default(CompanyIdentity.Kind.legalEntity.rawValue)))
            .update()
        try await database.schema(Company.schema).field("tax_id_sealed", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Company.schema).deleteField("tax_id_sealed").update()
        try await database.schema(Company.schema).deleteField("kind").update()
    }
}
