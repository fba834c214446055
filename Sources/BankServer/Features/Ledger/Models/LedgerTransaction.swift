import Fluent
import Foundation

/// One balanced movement of money: its entries sum to zero per currency (double entry).
final class LedgerTransaction: Model, @unchecked Sendable {
    static let schema = "ledger_transactions"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "kind") var kind: String
    /// What caused it, e.g. "payment:<uuid>" or "demo-funding".
    @Field(key: "reference") var reference: String
    @Field(key: "description") var description: String

    init() {}
}
