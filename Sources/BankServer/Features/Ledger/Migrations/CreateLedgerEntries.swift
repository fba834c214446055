import Fluent
import SQLKit

struct CreateLedgerEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerEntry.schema)
            .id()
            .field("transaction_id", .uuid, .required, .references(LedgerTransaction.schema, "id"))
            .field("account_id", .uuid, .required, .references(Account.schema, "id"))
            .field("seq", .int64, .required)
            .field("currency", .string, .required)
            .field("amount", .int64, .required)
            .field("balance_after", .int64, .required)
            .field("created_at", .datetime, .required)
            // One entry per position in an account's history: a lost update cannot hide.
            .unique(on: "account_id", "seq")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "ledger_entries_tx_idx").on(LedgerEntry.schema).column("transaction_id").run()
            try await sql.create(index: "ledger_entries_account_time_idx").on(LedgerEntry.schema).column("account_id").column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(LedgerEntry.schema).delete() }
}
