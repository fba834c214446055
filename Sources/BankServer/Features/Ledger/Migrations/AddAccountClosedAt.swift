import Fluent

/// Issue 14: when an account was closed; "until the account is closed, then 5 years" runs from it.
struct AddAccountClosedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema).field("closed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Account.schema).deleteField("closed_at").update()
    }
}
