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
