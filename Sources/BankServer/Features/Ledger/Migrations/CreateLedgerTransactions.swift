import Fluent

struct CreateLedgerTransactions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerTransaction.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("reference", .string, .required)
            .field("description", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(LedgerTransaction.schema).delete() }
}
