import Fluent
import Foundation
import SQLKit

/// `bizbank ledger verify`: checks the ledger's invariants over the whole database and names every breach.
/// 1. Per currency, all entries sum to zero. 2. Every transaction is balanced per currency.
/// 3. Every account's cached balance equals the sum of its entries, and its entry count matches.
/// 4. No account other than the bank's funding account is negative.
enum LedgerVerifier {
    enum Breach: Equatable, Sendable, CustomStringConvertible {
        case currencyNotZero(currency: String, sum: Int64)
        case transactionUnbalanced(transactionID: UUID, currency: String, sum: Int64)
        case balanceMismatch(iban: String, cached: Int64, entries: Int64)
        case entryCountMismatch(iban: String, cached: Int64, entries: Int64)
        case negativeBalance(iban: String, balance: Int64)

        var description: String {
            switch self {
            case .currencyNotZero(let currency, let sum): "entries in \(currency) sum to \(sum), not 0"
            case .transactionUnbalanced(let id, let currency, let sum): "transaction \(id) is unbalanced in \(currency) by \(sum)"
            case .balanceMismatch(let iban, let cached, let entries): "account \(iban): balance \(cached) but its entries sum to \(entries)"
            case .entryCountMismatch(let iban, let cached, let entries): "account \(iban): entry count \(cached) but \(entries) entries"
            case .negativeBalance(let iban, let balance): "account \(iban) is negative: \(balance)"
            }
        }
    }

    static func verify(on database: any Database) async throws -> [Breach] {
        guard let sql = database as? any SQLDatabase else { return [] }
        var breaches: [Breach] = []
        for row in try await sql.raw(
            "SELECT currency, CAST(SUM(amount) AS BIGINT) AS total FROM ledger_entries GROUP BY currency HAVING SUM(amount) <> 0 ORDER BY currency"
        ).all() {
            breaches.append(
                .currencyNotZero(currency: try row.decode(column: "currency", as: String.self), sum: try row.decode(column: "total", as: Int64.self))
            )
        }
        for row in try await sql.raw(
            """
            SELECT transaction_id, currency, CAST(SUM(amount) AS BIGINT) AS total FROM ledger_entries
            GROUP BY transaction_id, currency HAVING SUM(amount) <> 0 ORDER BY transaction_id
            """
        ).all() {
            breaches.append(
                .transactionUnbalanced(
                    transactionID: try row.decode(column: "transaction_id", as: UUID.self),
                    currency: try row.decode(column: "currency", as: String.self),
                    sum: try row.decode(column: "total", as: Int64.self)
                )
            )
        }
        for row in try await sql.raw(
            """
            SELECT a.iban, a.balance, a.entry_count, a.kind, CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) AS total, CAST(COUNT(e.id) AS BIGINT) AS entries
            FROM accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
            GROUP BY a.id, a.iban, a.balance, a.entry_count, a.kind ORDER BY a.iban
            """
        ).all() {
            let iban = try row.decode(column: "iban", as: String.self)
            let balance = try row.decode(column: "balance", as: Int64.self)
            let total = try row.decode(column: "total", as: Int64.self)
            let count = try row.decode(column: "entry_count", as: Int64.self)
            let entries = try row.decode(column: "entries", as: Int64.self)
            if balance != total { breaches.append(.balanceMismatch(iban: iban, cached: balance, entries: total)) }
            if count != entries { breaches.append(.entryCountMismatch(iban: iban, cached: count, entries: entries)) }
            if balance < 0, try row.decode(column: "kind", as: String.self) != Account.Kind.bankFunding.rawValue {
                breaches.append(.negativeBalance(iban: iban, balance: balance))
            }
        }
        return breaches
    }
}
