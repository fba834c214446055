import Fluent
import Foundation
import SQLKit

/// The ledger's hot reads (issue 13: a query has a home; issue 15: rows decode column by column into the model,
/// never through Fluent's reflection of the model's fields).
enum LedgerQueries {
    /// A company's accounts, oldest first (then by IBAN), as `GET /companies/{id}/accounts` lists them.
    static func accounts(companyID: UUID, on database: any Database) async throws -> [Account] {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let rows = try await sql.raw(
            """
            SELECT id, created_at, iban, currency, kind, name, status, balance, hold, entry_count, closed_at FROM accounts
            WHERE company_id = \(bind: companyID) ORDER BY created_at, iban
            """
        ).all()
        return try rows.map { row in
            let account = Account()
            account.id = try row.decode(column: "id", as: UUID.self)
            account.createdAt = try row.decode(column: "created_at", as: Date.self)
            account.$company.id = companyID
            account.iban = try row.decode(column: "iban", as: String.self)
            account.currency = try row.decode(column: "currency", as: String.self)
            guard let kind = Account.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                let status = Account.Status(rawValue: try row.decode(column: "status", as: String.self))
            else { throw BankError.internalError }
            (account.kind, account.status) = (kind, status)
            account.name = try row.decode(column: "name", as: String.self)
            account.balance = try row.decode(column: "balance", as: Int64.self)
            account.hold = try row.decode(column: "hold", as: Int64.self)
            account.entryCount = try row.decode(column: "entry_count", as: Int64.self)
            account.closedAt = try row.decode(column: "closed_at", as: Date?.self)
            account.$id.exists = true
            return account
        }
    }
}
