import BankCore
import Fluent
import Foundation
import SQLKit

/// Posts balanced, double-entry movements (ARCHITECTURE.md: money and the ledger).
///
/// Concurrency: each leg is one conditional `UPDATE … RETURNING` on its account row, so a debit happens only
/// if the funds are there at that instant (no read-then-write race, no lost update), and the legs are applied in
/// a fixed order (account id) so two opposite transfers take their row locks in the same order and cannot
/// deadlock on PostgreSQL. On SQLite the single connection serialises writers.
struct LedgerService: Sendable {
    let services: BankServices

    struct Leg: Sendable, Equatable {
        let accountID: UUID
        /// Positive: money into the account; negative: money out of it.
        let amount: Int64
    }

    enum LedgerError: Error, Equatable {
        case unbalanced
        case emptyMovement
        case insufficientFunds(accountID: UUID)
        case accountUnavailable(accountID: UUID)
    }

    /// Writes the transaction and its entries, updating each account's cached balance in the same database
    /// transaction. Throws without writing anything if any leg cannot be applied.
    @discardableResult
    func post(
        kind: String,
        reference: String,
        description: String,
        currency: Currency,
        legs: [Leg],
        transactionID: UUID = UUID(),
        on database: any Database
    ) async throws -> LedgerTransaction {
        guard !legs.isEmpty, legs.allSatisfy({ $0.amount != 0 }) else { throw LedgerError.emptyMovement }
        var total: Int64 = 0
        for leg in legs {
            let (sum, overflow) = total.addingReportingOverflow(leg.amount)
            guard !overflow else { throw LedgerError.unbalanced }
            total = sum
        }
        guard total == 0 else { throw LedgerError.unbalanced }
        let now = services.clock.now()
        return try await database.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw BankError.internalError }
            // Plain statements rather than models: this is the busiest write path in the bank. The legs' entries
            // go in as one multi-row insert.
            try await sql.raw(
                """
                INSERT INTO ledger_transactions (id, created_at, kind, reference, description)
                VALUES (\(bind: transactionID), \(bind: now), \(bind: kind), \(bind: reference), \(bind: description))
                """
            ).run()
            var rows: [SQLQueryString] = []
            for leg in legs.sorted(by: { $0.accountID.uuidString < $1.accountID.uuidString }) {
                let (balance, seq) = try await apply(leg, currency: currency, sql: sql, on: tx)
                rows.append(
                    """
                    (\(bind: UUID()), \(bind: transactionID), \(bind: leg.accountID), \(bind: seq), \(bind: currency.code), \(bind: leg.amount), \(bind: balance), \(bind: now))
                    """
                )
            }
            try await sql.raw(
                "INSERT INTO ledger_entries (id, transaction_id, account_id, seq, currency, amount, balance_after, created_at) VALUES "
                    + rows.joined(separator: ", ")
            ).run()
            let transaction = LedgerTransaction()
            transaction.id = transactionID
            transaction.createdAt = now
            transaction.kind = kind
            transaction.reference = reference
            transaction.description = description
            transaction.$id.exists = true
            return transaction
        }
    }

    /// The conditional update: a debit passes only if the available amount covers it (or the account is the
    /// bank's funding account); the account must be active and in the movement's currency.
    private func apply(_ leg: Leg, currency: Currency, sql: any SQLDatabase, on database: any Database) async throws -> (Int64, Int64) {
        let row: (any SQLRow)?
        if leg.amount < 0 {
            row = try await sql.raw(
                """
                UPDATE accounts SET balance = balance + \(bind: leg.amount), entry_count = entry_count + 1
                WHERE id = \(bind: leg.accountID) AND status = 'active' AND currency = \(bind: currency.code)
                  AND (kind = 'bank_funding' OR balance - hold + \(bind: leg.amount) >= 0)
                RETURNING balance, entry_count
                """
            ).first()
        } else {
            row = try await sql.raw(
                """
                UPDATE accounts SET balance = balance + \(bind: leg.amount), entry_count = entry_count + 1
                WHERE id = \(bind: leg.accountID) AND status = 'active' AND currency = \(bind: currency.code)
                RETURNING balance, entry_count
                """
            ).first()
        }
        if let row {
            return (try row.decode(column: "balance", as: Int64.self), try row.decode(column: "entry_count", as: Int64.self))
        }
        // Why it did not apply: the account is gone, not active or in another currency — or the money is not there.
        guard let account = try await Account.find(leg.accountID, on: database), account.status == .active, account.currency == currency.code
        else { throw LedgerError.accountUnavailable(accountID: leg.accountID) }
        throw LedgerError.insufficientFunds(accountID: leg.accountID)
    }

    /// A transfer of `amount` (positive) from one account to another in one currency.
    @discardableResult
    func transfer(
        _ amount: Money,
        from source: UUID,
        to destination: UUID,
        kind: String,
        reference: String,
        description: String,
        transactionID: UUID = UUID(),
        on database: any Database
    ) async throws -> LedgerTransaction {
        guard amount.isPositive else { throw LedgerError.emptyMovement }
        return try await post(
            kind: kind,
            reference: reference,
            description: description,
            currency: amount.currency,
            legs: [Leg(accountID: source, amount: -amount.minorUnits), Leg(accountID: destination, amount: amount.minorUnits)],
            transactionID: transactionID,
            on: database
        )
    }
}

extension BankServices {
    var ledger: LedgerService { LedgerService(services: self) }
}
