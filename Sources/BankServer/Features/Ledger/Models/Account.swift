import Fluent
import Foundation

/// A current account (client) or an account the bank itself holds (funding, clearing transit, providers).
/// `balance` is a cache of the sum of its ledger entries, changed only by conditional updates inside the
/// transaction that writes the entries (ARCHITECTURE.md: money and the ledger).
final class Account: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    /// nil for the bank's own accounts.
    @OptionalParent(key: "company_id") var company: Company?

    @Field(key: "iban") var iban: String
    @Field(key: "currency") var currency: String
    @Enum(key: "kind") var kind: Kind
    @Field(key: "name") var name: String
    @Enum(key: "status") var status: Status
    /// Minor units (tiyn, cents); never a Double.
    @Field(key: "balance") var balance: Int64
    @Field(key: "hold") var hold: Int64
    /// Entries written so far: the next entry's sequence number, for running balances and keyset paging.
    @Field(key: "entry_count") var entryCount: Int64
    /// Issue 14: set when the director closes the account (its balance zero); a closed account takes no payments.
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    var available: Int64 { balance - hold }

    enum Kind: String, Codable, Sendable, CaseIterable {
        case current
        /// The bank's source of funds: may go negative (it is the other side of every deposit).
        case bankFunding = "bank_funding"
        case clearingTransit = "clearing_transit"
        case provider

        var mayGoNegative: Bool { self == .bankFunding }
    }

    enum Status: String, Codable, Sendable, CaseIterable {
        case active, blocked, closed
    }
}
