import BankCore
import Foundation

/// An account as the app's account screen shows it, balances in exact minor units.
public struct AccountView: Codable, Sendable, Equatable {
    public var id: UUID
    public var companyId: UUID
    public var iban: String
    public var ibanFormatted: String
    public var currency: String
    public var name: String
    public var status: String
    public var balance: Money
    public var hold: Money
    public var available: Money
    /// Issue 14: when the director closed the account (status `closed`).
    public var closedAt: Date?

    public init(
        id: UUID,
        companyId: UUID,
        iban: String,
        ibanFormatted: String,
        currency: String,
        name: String,
        status: String,
        balance: Money,
        hold: Money,
        available: Money,
        closedAt: Date? = nil
    ) {
        self.closedAt = closedAt
        self.id = id
        self.companyId = companyId
        self.iban = iban
        self.ibanFormatted = ibanFormatted
        self.currency = currency
        self.name = name
        self.status = status
        self.balance = balance
        self.hold = hold
        self.available = available
    }
}

public struct OpenAccountRequest: Codable, Sendable {
    public var currency: String
    public var name: String?
    public init(currency: String, name: String? = nil) {
        self.currency = currency
        self.name = name
    }
}

/// One statement line with the running balance after it.
public struct StatementLineView: Codable, Sendable, Equatable {
    public var seq: Int64
    public var transactionId: UUID
    public var bookedAt: Date
    public var kind: String
    public var description: String
    public var amount: Money
    public var balanceAfter: Money

    public init(seq: Int64, transactionId: UUID, bookedAt: Date, kind: String, description: String, amount: Money, balanceAfter: Money) {
        self.seq = seq
        self.transactionId = transactionId
        self.bookedAt = bookedAt
        self.kind = kind
        self.description = description
        self.amount = amount
        self.balanceAfter = balanceAfter
    }
}
