import Fluent
import SQLKit

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("company_id", .uuid, .references(Company.schema, "id"))
            .field("iban", .string, .required)
            .field("currency", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("balance", .int64, .required)
            .field("hold", .int64, .required)
            .field("entry_count", .int64, .required)
            .unique(on: "iban")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "accounts_company_idx").on(Account.schema).column("company_id").run()
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(Account.schema).delete() }
}
