import BankCore
import Fluent
import Foundation

/// A payment order document (DOMAIN.md, Kazakhstan format) with its state machine:
/// draft → awaiting signatures → awaiting confirmation → executed | rejected | sent → settled | returned.
/// Once executed its content is immutable; `contentHash` is what signatures and the SMS code are bound to.
final class PaymentOrderRecord: Model, @unchecked Sendable {
    static let schema = "payment_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    @Parent(key: "company_id") var company: Company
    @Parent(key: "created_by") var author: User
    @Parent(key: "payer_account_id") var payerAccount: Account

    @Field(key: "number") var number: String
    @Field(key: "document_date") var documentDate: String
    @Field(key: "beneficiary_name") var beneficiaryName: String
    @Field(key: "beneficiary_tax_id") var beneficiaryTaxID: String
    @Field(key: "beneficiary_iban") var beneficiaryIBAN: String
    @Field(key: "beneficiary_bic") var beneficiaryBIC: String
    @Field(key: "kbe") var kbe: String
    @Field(key: "knp") var knp: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "amount") var amount: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "value_date") var valueDate: String
    @Field(key: "urgency") var urgency: String

    @Enum(key: "kind") var kind: Kind
    @Enum(key: "status") var status: Status
    /// SHA-256 of the canonical content (payer, payee, tax id, amount, currency, KNP, value date).
    @Field(key: "content_hash") var contentHash: String
    /// §2.2.4: why the last signature's risk was elevated (comma-separated reasons), nil when it was normal.
    @OptionalField(key: "risk_reasons") var riskReasons: String?
    @OptionalField(key: "executed_at") var executedAt: Date?
    @OptionalField(key: "ledger_transaction_id") var ledgerTransactionID: UUID?
    @OptionalField(key: "rejection_code") var rejectionCode: String?
    /// What the signer who rejected the order wrote (issue 10).
    @OptionalField(key: "rejection_reason") var rejectionReason: String?

    /// Not stored: the signatures on the current content when the code that loaded or changed the order already
    /// has them (a new draft has none; signing has just read them), so the answer needs no second read.
    var knownSignatures: [PaymentSignature]?
    /// Not stored: the payee's account at this bank, when the read that loaded the order found it (`PaymentService.access`).
    var knownPayeeAccountID: UUID?
    /// Not stored: the creditor the pacs.008 names when the order does not carry it in clear (a payroll line, whose
    /// employee's name and IIN stay sealed in `payroll_lines`).
    var clearingCreditor: ClearingCreditor?

    struct ClearingCreditor: Sendable {
        let name: String
        let taxID: String
    }

    init() {}

    enum Kind: String, Codable, Sendable, CaseIterable {
        /// Between the company's own accounts: signature, no SMS code (PSD2 RTS art. 15 exemption).
        case ownAccounts = "own_accounts"
        /// To another client of this bank: executed at once, both sides in the ledger.
        case intrabank
        /// To another bank: through the clearing transit account.
        case interbank
        /// Paying for services (§2.3.4): mobile top-up or a utility bill, credited to the provider's account.
        case service
    }

    /// The state machine lives in BankCore (`PaymentStatus.applying(_:)`); changes go through `transition(_:at:on:)`.
    typealias Status = PaymentStatus
}
