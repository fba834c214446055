import BankCore
import Testing

/// Valid identifiers built with the BankCore helpers, and a payment order input that passes validation.
enum PaymentOrderFixtures {
    static let bin = BIN.withCheckDigit("05034000001")!
    static let iin = IIN.withCheckDigit("85073140012")!
    /// Bank code 998 is Alatau City Bank (TSESKZKA) in `BankDirectory.kazakhstan`.
    static let payerIBAN = IBAN.make(bankCode: "998", accountPart: "KZT0000000001")!
    /// Bank code 601 is Halyk Bank (HSBKKZKX) in `BankDirectory.kazakhstan`.
    static let payeeIBAN = IBAN.make(bankCode: "601", accountPart: "0000000012345")!

    static let valid = PaymentOrderInput(
        number: "17",
        date: "2026-11-25",
        payerAccount: payerIBAN.value,
        beneficiaryName: "ТОО «Алтын Дала»",
        beneficiaryTaxID: bin.value,
        beneficiaryAccount: payeeIBAN.value,
        beneficiaryBIC: "HSBKKZKX",
        kbe: "17",
        knp: "710",
        purpose: "Оплата по договору №5 за товары",
        amount: "150000.00",
        currency: "KZT",
        valueDate: "2026-11-25",
        urgency: "standard"
    )

    static let fieldNames = [
        "number", "date", "payerAccount", "beneficiaryName", "beneficiaryTaxID", "beneficiaryAccount", "beneficiaryBIC", "kbe", "knp",
        "purpose", "amount", "currency", "valueDate", "urgency",
    ]

    /// `valid` with one field (named like the `PaymentOrderInput` property) replaced.
    static func input(setting field: String, to value: String, in base: PaymentOrderInput = valid) -> PaymentOrderInput {
        var input = base
        switch field {
        case "number": input.number = value
        case "date": input.date = value
        case "payerAccount": input.payerAccount = value
        case "beneficiaryName": input.beneficiaryName = value
        case "beneficiaryTaxID": input.beneficiaryTaxID = value
        case "beneficiaryAccount": input.beneficiaryAccount = value
        case "beneficiaryBIC": input.beneficiaryBIC = value
        case "kbe": input.kbe = value
        case "knp": input.knp = value
        case "purpose": input.purpose = value
        case "amount": input.amount = value
        case "currency": input.currency = value
        case "valueDate": input.valueDate = value
        case "urgency": input.urgency = value
        default: Issue.record("unknown field \(field)")
        }
        return input
    }

    /// The violations `validate` reports, or none when it accepts the input.
    static func violations(_ input: PaymentOrderInput, directory: BankDirectory = .kazakhstan) -> [PaymentOrderInvalid.Violation] {
        switch PaymentOrder.validate(input, directory: directory) {
        case .success: []
        case .failure(let invalid): invalid.violations
        }
    }

    static func order(_ input: PaymentOrderInput = valid) throws -> PaymentOrder {
        try PaymentOrder.validate(input).get()
    }
}
