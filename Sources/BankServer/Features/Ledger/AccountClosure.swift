import BankCore
import Fluent
import Foundation
import SQLKit

/// Issue 14: the director closes a company account. The bank's rule: only with a zero balance and nothing on hold
/// (the money is moved out first, by an ordinary payment, so the ledger stays balanced and nothing is written
/// off). A closed account takes no payments (the ledger posts only to active accounts, and a new order from or
/// to it is refused); "until the account is closed, then 5 years" runs from `closedAt`.
struct AccountClosure: Sendable {
    let services: BankServices

    /// Days the closed account's documents are kept after `closedAt` (the purposes register: "then 5 years").
    static let retentionDays = 1825

    func close(accountID: UUID, companyID: UUID, by userID: UUID, on database: any Database) async throws -> Account {
        let now = services.clock.now()
        return try await database.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw BankError.internalError }
            // one conditional update: a payment landing between the read and the write cannot be lost
            let closed = try await sql.raw(
                """
                UPDATE accounts SET status = 'closed', closed_at = \(bind: now)
                WHERE id = \(bind: accountID) AND company_id = \(bind: companyID) AND status = 'active' AND balance = 0 AND hold = 0
                RETURNING id
                """
            ).first()
            guard let account = try await Account.find(accountID, on: tx), account.$company.id == companyID, account.kind == .current
            else { throw BankError.notFound }
            guard closed != nil else {
                if account.status == .closed { throw BankError(status: .conflict, code: .accountClosed) }
                if account.status != .active { throw BankError(status: .conflict, code: .accountUnavailable) }
                throw BankError(status: .conflict, code: .accountBalanceNotZero)
            }
            try await AuditLog.record(
                .accountClosed,
                actor: userID,
                subject: .company(companyID),
                details: ["account": accountID.uuidString],
                at: now,
                on: tx
            )
            return account
        }
    }
}
