import Fluent
import Foundation

/// One employee's salary. Name and IIN are personal data: sealed with the system key, bound to the row.
final class PayrollLine: Model, @unchecked Sendable {
    static let schema = "payroll_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "payroll_id") var payroll: Payroll
    @Field(key: "line_no") var lineNumber: Int
    @Field(key: "full_name") var fullName: Data
    @Field(key: "iin") var iin: Data
    @Field(key: "iban") var iban: String
    @Field(key: "amount") var amount: Int64
    @Enum(key: "status") var status: Status
    @OptionalField(key: "failure_code") var failureCode: String?
    @OptionalField(key: "ledger_transaction_id") var ledgerTransactionID: UUID?

    init() {}

    enum Status: String, Codable, Sendable {
        /// `held`: §2.2.4, its payment order waits for the fraud team, who release (paid) or reject (failed) it.
        case pending, paid, failed, held
    }
}
