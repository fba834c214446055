/// A payment order as a client fills it in (Kazakh format, DOMAIN.md): unvalidated text, so that every
/// field can be checked and reported at once by `PaymentOrder.validate(_:directory:)`.
public struct PaymentOrderInput: Sendable, Codable, Equatable {
    /// The client's document number, 1…20 characters.
    public var number: String
    /// Document date, `YYYY-MM-DD`.
    public var date: String
    /// IBAN of one of the company's accounts.
    public var payerAccount: String
    /// 1…140 characters.
    public var beneficiaryName: String
    /// IIN or BIN, 12 digits.
    public var beneficiaryTaxID: String
    /// IBAN.
    public var beneficiaryAccount: String
    public var beneficiaryBIC: String
    public var kbe: String
    public var knp: String
    /// 1…420 printable characters.
    public var purpose: String
    /// Decimal text, e.g. `150000.00`.
    public var amount: String
    /// `KZT`, `USD` or `EUR`.
    public var currency: String
    /// `YYYY-MM-DD`, not before `date`.
    public var valueDate: String
    /// `standard` or `urgent`.
    public var urgency: String

    public init(
        number: String,
        date: String,
        payerAccount: String,
        beneficiaryName: String,
        beneficiaryTaxID: String,
        beneficiaryAccount: String,
        beneficiaryBIC: String,
        kbe: String,
        knp: String,
        purpose: String,
        amount: String,
        currency: String,
        valueDate: String,
        urgency: String
    ) {
        self.number = number
        self.date = date
        self.payerAccount = payerAccount
        self.beneficiaryName = beneficiaryName
        self.beneficiaryTaxID = beneficiaryTaxID
        self.beneficiaryAccount = beneficiaryAccount
        self.beneficiaryBIC = beneficiaryBIC
        self.kbe = kbe
        self.knp = knp
        self.purpose = purpose
        self.amount = amount
        self.currency = currency
        self.valueDate = valueDate
        self.urgency = urgency
    }
}
