/// A validated payment order (Kazakh format, DOMAIN.md). Built only by `validate(_:directory:)` or by
/// decoding, which re-validates, so every value of this type satisfies the rules.
public struct PaymentOrder: Sendable, Codable, Equatable {
    public let number: String
    public let date: CivilDate
    public let payerAccount: IBAN
    public let beneficiaryName: String
    public let beneficiaryTaxID: TaxpayerID
    public let beneficiaryAccount: IBAN
    public let beneficiaryBIC: BIC
    public let kbe: KBe
    public let knp: KNP
    public let purpose: String
    public let amount: Money
    public let valueDate: CivilDate
    public let urgency: PaymentUrgency

    /// The largest amount one order may carry: 10 trillion in major units (10¹⁵ minor units). A hundred of them
    /// still sum far inside Int64, so no total of a basket or payroll can overflow (review H2).
    public static let maximumMinorUnits: Int64 = 1_000_000_000_000_000

    /// Identifies the layout below; a new layout gets a new value so old signatures never verify against it.
    static let contentFormat = "bizbank.payment-order.v1"

    /// The content that signatures and the confirmation code are bound to (PSD2 RTS 2018/389 art. 5,
    /// dynamic linking: the code is specific to amount and payee, and any change invalidates it).
    ///
    /// One `field=value` line each, LF-terminated, UTF-8, in this fixed order: format, payer IBAN, payee IBAN,
    /// payee tax id, amount in minor units, currency, KNP, value date. Every value is canonical ASCII without
    /// `=` or LF, so the text is unambiguous and equal orders give equal bytes. Purpose, names and the document
    /// number are not bound: correcting them does not move money elsewhere.
    public var canonicalContent: String {
        let lines: [(String, String)] = [
            ("format", Self.contentFormat),
            ("payer_iban", payerAccount.value),
            ("payee_iban", beneficiaryAccount.value),
            ("payee_tax_id", beneficiaryTaxID.value),
            ("amount_minor", String(amount.minorUnits)),
            ("currency", amount.currency.code),
            ("knp", knp.code),
            ("value_date", valueDate.description),
        ]
        return lines.map { "\($0.0)=\($0.1)\n" }.joined()
    }

    private enum CodingKeys: String, CodingKey {
        case number, date, payerAccount, beneficiaryName, beneficiaryTaxID, beneficiaryAccount, beneficiaryBIC
        case kbe, knp, purpose, amount, valueDate, urgency
    }

    /// Decodes the typed fields (each re-validated), then re-runs the cross-field rules (positive amount,
    /// value date, text limits) so stored JSON cannot yield an order `validate` would refuse.
    /// The bank directory is not consulted: it changes, and an order accepted earlier must still decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Money.self, forKey: .amount)
        let input = PaymentOrderInput(
            number: try container.decode(String.self, forKey: .number),
            date: try container.decode(CivilDate.self, forKey: .date).description,
            payerAccount: try container.decode(IBAN.self, forKey: .payerAccount).value,
            beneficiaryName: try container.decode(String.self, forKey: .beneficiaryName),
            beneficiaryTaxID: try container.decode(TaxpayerID.self, forKey: .beneficiaryTaxID).value,
            beneficiaryAccount: try container.decode(IBAN.self, forKey: .beneficiaryAccount).value,
            beneficiaryBIC: try container.decode(BIC.self, forKey: .beneficiaryBIC).value,
            kbe: try container.decode(KBe.self, forKey: .kbe).value,
            knp: try container.decode(KNP.self, forKey: .knp).code,
            purpose: try container.decode(String.self, forKey: .purpose),
            amount: amount.decimalString,
            currency: amount.currency.code,
            valueDate: try container.decode(CivilDate.self, forKey: .valueDate).description,
            urgency: try container.decode(PaymentUrgency.self, forKey: .urgency).rawValue
        )
        switch Self.validate(input, directory: BankDirectory(entries: [])) {
        case .success(let order):
            self = order
        case .failure(let invalid):
            let codes = invalid.violations.map { "\($0.field): \($0.code)" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Invalid PaymentOrder (\(codes))"))
        }
    }

    init(
        number: String,
        date: CivilDate,
        payerAccount: IBAN,
        beneficiaryName: String,
        beneficiaryTaxID: TaxpayerID,
        beneficiaryAccount: IBAN,
        beneficiaryBIC: BIC,
        kbe: KBe,
        knp: KNP,
        purpose: String,
        amount: Money,
        valueDate: CivilDate,
        urgency: PaymentUrgency
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
        self.valueDate = valueDate
        self.urgency = urgency
    }
}
