extension PaymentOrder {
    /// Limits of the client form (the API contract's `maxLength` for these fields).
    static let maxNumberLength = 20
    static let maxBeneficiaryNameLength = 140
    static let maxPurposeLength = 420

    /// Validates every field and reports all violations at once, in field order, as (field, code) pairs:
    /// `field` is the `PaymentOrderInput` property name, `code` an `IdentifierError` code or one of
    /// `required`, `too_long`, `invalid_characters`, `invalid_format`, `invalid_value`, `not_positive`,
    /// `bic_mismatch`, `before_document_date`. Each field gets at most its first violation.
    ///
    /// Not checked here, because it needs the bank's records: that the payer account is the company's and
    /// in the order's currency (`currency_mismatch`), and that a payee at this bank exists.
    public static func validate(_ input: PaymentOrderInput, directory: BankDirectory = .kazakhstan) -> Result<PaymentOrder, PaymentOrderInvalid> {
        var check = FieldChecks()
        let number = check.text("number", input.number, maxLength: maxNumberLength)
        let date = check.identifier("date", input.date, CivilDate.init(_:))
        let payerAccount = check.identifier("payerAccount", input.payerAccount, IBAN.init(_:))
        let beneficiaryName = check.text("beneficiaryName", input.beneficiaryName, maxLength: maxBeneficiaryNameLength)
        let beneficiaryTaxID = check.identifier("beneficiaryTaxID", input.beneficiaryTaxID, TaxpayerID.init(_:))
        let beneficiaryAccount = check.identifier("beneficiaryAccount", input.beneficiaryAccount, IBAN.init(_:))
        let beneficiaryBIC = check.identifier("beneficiaryBIC", input.beneficiaryBIC, BIC.init(_:))
        if let bic = beneficiaryBIC {
            if !bic.isKazakh {
                // DOMAIN.md: the account is a KZ IBAN, so its bank is Kazakh and has `KZ` in BIC positions 5–6.
                check.reject("beneficiaryBIC", "invalid_country")
            } else if let account = beneficiaryAccount, !directory.isConsistent(account, with: bic) {
                check.reject("beneficiaryBIC", "bic_mismatch")
            }
        }
        let kbe = check.identifier("kbe", input.kbe, KBe.init(_:))
        let knp = check.identifier("knp", input.knp, KNP.init(_:))
        let purpose = check.text("purpose", input.purpose, maxLength: maxPurposeLength)
        let currency = check.currency(input.currency)
        // Every settlement currency has 2 minor digits (ISO 4217), so an amount can be checked even when
        // the currency is wrong; it is only kept when the currency is known.
        let amount = check.amount(input.amount, currency: currency ?? .kzt)
        let valueDate = check.identifier("valueDate", input.valueDate, CivilDate.init(_:))
        if let date, let valueDate, valueDate < date {
            // A payment cannot settle before the document ordering it exists.
            check.reject("valueDate", "before_document_date")
        }
        let urgency = check.urgency(input.urgency)
        check.sortByInputOrder()

        guard check.violations.isEmpty, let number, let date, let payerAccount, let beneficiaryName, let beneficiaryTaxID,
            let beneficiaryAccount, let beneficiaryBIC, let kbe, let knp, let purpose, currency != nil, let amount, let valueDate, let urgency
        else { return .failure(PaymentOrderInvalid(violations: check.violations)) }
        return .success(
            PaymentOrder(
                number: number,
                date: date,
                payerAccount: payerAccount,
                beneficiaryName: beneficiaryName,
                beneficiaryTaxID: beneficiaryTaxID,
                beneficiaryAccount: beneficiaryAccount,
                beneficiaryBIC: beneficiaryBIC,
                kbe: kbe,
                knp: knp,
                purpose: purpose,
                amount: amount,
                valueDate: valueDate,
                urgency: urgency
            )
        )
    }
}

/// Collects violations while parsing each field, so one bad field never hides another.
private struct FieldChecks {
    private(set) var violations: [PaymentOrderInvalid.Violation] = []

    /// `PaymentOrderInput`'s property order, which is also the order of the form the client filled in.
    private static let fieldOrder = [
        "number", "date", "payerAccount", "beneficiaryName", "beneficiaryTaxID", "beneficiaryAccount", "beneficiaryBIC", "kbe", "knp",
        "purpose", "amount", "currency", "valueDate", "urgency",
    ]

    mutating func reject(_ field: String, _ code: String) {
        guard !violations.contains(where: { $0.field == field }) else { return }
        violations.append(PaymentOrderInvalid.Violation(field: field, code: code))
    }

    mutating func identifier<T>(_ field: String, _ raw: String, _ make: (String) throws(IdentifierError) -> T) -> T? {
        do {
            return try make(raw)
        } catch {
            reject(field, error.code)
            return nil
        }
    }

    mutating func text(_ field: String, _ raw: String, maxLength: Int) -> String? {
        do {
            return try DocumentText.parse(raw, maxLength: maxLength)
        } catch {
            reject(field, error.code)
            return nil
        }
    }

    /// Only the currencies the bank settles in (`Currency.known`: KZT, USD, EUR).
    mutating func currency(_ raw: String) -> Currency? {
        guard !raw.trimmingWhitespace().isEmpty else {
            reject("currency", "required")
            return nil
        }
        guard let currency = try? Currency(code: raw) else {
            reject("currency", "invalid_value")
            return nil
        }
        return currency
    }

    /// Text that is not an exact decimal amount is `invalid_format`; one beyond Int64 minor units is
    /// `invalid_value`; zero or negative is `not_positive` (a payment moves money to the payee, never back);
    /// above `PaymentOrder.maximumMinorUnits` is `amount_too_large`.
    mutating func amount(_ raw: String, currency: Currency) -> Money? {
        guard !raw.trimmingWhitespace().isEmpty else {
            reject("amount", "required")
            return nil
        }
        let money: Money
        do {
            money = try Money(parsing: raw, currency: currency)
        } catch {
            reject("amount", error == .overflow ? "invalid_value" : "invalid_format")
            return nil
        }
        guard money.isPositive else {
            reject("amount", "not_positive")
            return nil
        }
        guard money.minorUnits <= PaymentOrder.maximumMinorUnits else {
            reject("amount", "amount_too_large")
            return nil
        }
        return money
    }

    mutating func urgency(_ raw: String) -> PaymentUrgency? {
        let text = ASCIIText.string(raw.trimmingWhitespace().utf8.map(ASCIIText.lowercased))
        guard !text.isEmpty else {
            reject("urgency", "required")
            return nil
        }
        guard let urgency = PaymentUrgency(rawValue: text) else {
            reject("urgency", "invalid_value")
            return nil
        }
        return urgency
    }

    /// Fields are parsed in dependency order (currency before amount); clients expect form order.
    mutating func sortByInputOrder() {
        let rank = Dictionary(uniqueKeysWithValues: Self.fieldOrder.enumerated().map { ($1, $0) })
        violations.sort { rank[$0.field, default: .max] < rank[$1.field, default: .max] }
    }
}
