import Fluent
import Foundation

/// One side of a ledger transaction on one account: positive adds to the account, negative takes from it.
/// `balanceAfter` and `seq` are written in the same transaction as the balance update, so a statement's
/// running balance is read, never recomputed.
final class LedgerEntry: Model, @unchecked Sendable {
    static let schema = "ledger_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "transaction_id") var transaction: LedgerTransaction
    @Parent(key: "account_id") var account: Account
    @Field(key: "seq") var seq: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "amount") var amount: Int64
    @Field(key: "balance_after") var balanceAfter: Int64
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
