import Fluent
import Foundation

/// A payroll: one document for the total of many salary lines, signed and confirmed once, executed line by line.
final class Payroll: Model, @unchecked Sendable {
    static let schema = "payrolls"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Parent(key: "created_by") var author: User
    @Parent(key: "payer_account_id") var payerAccount: Account
    @Field(key: "number") var number: String
    @Field(key: "knp") var knp: String
    @Field(key: "currency") var currency: String
    @Field(key: "total") var total: Int64
    @Field(key: "line_count") var lineCount: Int
    @Enum(key: "status") var status: Status
    /// SHA-256 over every line's canonical content (the set the signatures and SMS code are bound to).
    @Field(key: "content_hash") var contentHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "executed_at") var executedAt: Date?
    /// §2.2.4: why the last signature or the confirmation was elevated-risk, nil when it was normal.
    @OptionalField(key: "risk_reasons") var riskReasons: String?

    init() {}

    enum Status: String, Codable, Sendable {
        case draft
        case awaitingSignatures = "awaiting_signatures"
        case awaitingConfirmation = "awaiting_confirmation"
        /// Confirmed; its lines are being paid (or were, until a process died: `PayrollRunner.resumeInterrupted`).
        case executing
        case executed
        case partiallyExecuted = "partially_executed"
    }
}

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

final class PayrollSignature: Model, @unchecked Sendable {
    static let schema = "payroll_signatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "payroll_id") var payroll: Payroll
    @Parent(key: "user_id") var user: User
    @Field(key: "slot") var slot: String
    @Field(key: "signed_at") var signedAt: Date

    init() {}
}

struct CreatePayrolls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payroll.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("payer_account_id", .uuid, .required, .references(Account.schema, "id"))
            .field("number", .string, .required)
            .field("knp", .string, .required)
            .field("currency", .string, .required)
            .field("total", .int64, .required)
            .field("line_count", .int, .required)
            .field("status", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("executed_at", .datetime)
            .create()
        try await database.schema(PayrollLine.schema)
            .id()
            .field("payroll_id", .uuid, .required, .references(Payroll.schema, "id"))
            .field("line_no", .int, .required)
            .field("full_name", .data, .required)
            .field("iin", .data, .required)
            .field("iban", .string, .required)
            .field("amount", .int64, .required)
            .field("status", .string, .required)
            .field("failure_code", .string)
            .field("ledger_transaction_id", .uuid)
            .unique(on: "payroll_id", "line_no")
            .create()
        try await database.schema(PayrollSignature.schema)
            .id()
            .field("payroll_id", .uuid, .required, .references(Payroll.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("slot", .string, .required)
            .field("signed_at", .datetime, .required)
            .unique(on: "payroll_id", "slot")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PayrollSignature.schema).delete()
        try await database.schema(PayrollLine.schema).delete()
        try await database.schema(Payroll.schema).delete()
    }
}
