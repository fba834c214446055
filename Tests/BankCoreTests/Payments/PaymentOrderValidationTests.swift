import BankCore
import Testing

struct PaymentOrderValidationTests {
    private typealias Violation = PaymentOrderInvalid.Violation

    @Test func validInput_buildsTheTypedOrder() throws {
        // when
        let order = try PaymentOrderFixtures.order()
        // then
        #expect(order.number == "17")
        #expect(order.date == (try CivilDate(year: 2026, month: 11, day: 25)))
        #expect(order.payerAccount == PaymentOrderFixtures.payerIBAN)
        #expect(order.beneficiaryTaxID == .bin(PaymentOrderFixtures.bin))
        #expect(order.beneficiaryAccount == PaymentOrderFixtures.payeeIBAN)
        #expect(order.beneficiaryBIC.value == "HSBKKZKX")
        #expect(order.kbe.value == "17")
        #expect(order.knp.code == "710")
        #expect(order.amount == Money(minorUnits: 150_000_00, currency: .kzt))
        #expect(order.valueDate == order.date)
        #expect(order.urgency == .standard)
    }

    @Test func lenientInput_isCanonicalised() throws {
        // given: spacing, case and separators people type
        var input = PaymentOrderFixtures.valid
        input.number = "  17 "
        input.payerAccount = PaymentOrderFixtures.payerIBAN.formatted.lowercased()
        input.beneficiaryBIC = "hsbkkzkxxxx"
        input.beneficiaryName = " ТОО «Алтын Дала»\n"
        input.amount = "150 000,00"
        input.currency = "kzt"
        input.urgency = " URGENT "
        // when
        let order = try PaymentOrderFixtures.order(input)
        // then
        #expect(order.number == "17")
        #expect(order.payerAccount == PaymentOrderFixtures.payerIBAN)
        #expect(order.beneficiaryBIC.value == "HSBKKZKXXXX")
        #expect(order.beneficiaryName == "ТОО «Алтын Дала»")
        #expect(order.amount == Money(minorUnits: 150_000_00, currency: .kzt))
        #expect(order.urgency == .urgent)
    }

    @Test(arguments: [
        ("number", "", "required"), ("number", "   ", "required"), ("number", String(repeating: "9", count: 21), "too_long"),
        ("number", "17\u{0007}", "invalid_characters"), ("number", "17\n18", "invalid_characters"),
        ("date", "", "required"), ("date", "25.11.2026", "invalid_format"), ("date", "2026-02-29", "invalid_date"),
        ("payerAccount", "", "required"), ("payerAccount", "KZ87125KZT5004100100", "invalid_checksum"),
        ("payerAccount", "DE89370400440532013000", "invalid_country"), ("payerAccount", "KZ86125KZT500410010", "wrong_length"),
        ("payerAccount", "KZ86-125K-ZT50-0410-0100", "invalid_characters"),
        ("beneficiaryName", "", "required"), ("beneficiaryName", String(repeating: "А", count: 141), "too_long"),
        ("beneficiaryName", "ТОО \u{202E}ад аД", "invalid_characters"), ("beneficiaryName", "ТОО\u{200B}Дала", "invalid_characters"),
        ("beneficiaryTaxID", "", "required"), ("beneficiaryTaxID", "123", "wrong_length"),
        ("beneficiaryTaxID", "05034000001X", "invalid_characters"), ("beneficiaryTaxID", "050340000018", "invalid_checksum"),
        ("beneficiaryTaxID", "050370000012", "invalid_date"), ("beneficiaryTaxID", "050345000012", "invalid_type_digit"),
        ("beneficiaryAccount", "", "required"), ("beneficiaryAccount", "KZ00123", "wrong_length"),
        ("beneficiaryAccount", "KZ86126KZT5004100100", "invalid_checksum"),
        ("beneficiaryBIC", "", "required"), ("beneficiaryBIC", "HSBKKZK", "wrong_length"), ("beneficiaryBIC", "HSBK-ZKX", "invalid_characters"),
        ("beneficiaryBIC", "1SBKKZKX", "invalid_format"), ("beneficiaryBIC", "DEUTDEFF", "invalid_country"),
        ("beneficiaryBIC", "CASPKZKA", "bic_mismatch"),
        ("kbe", "", "required"), ("kbe", "1", "wrong_length"), ("kbe", "30", "invalid_format"), ("kbe", "1a", "invalid_characters"),
        ("knp", "", "required"), ("knp", "000", "unknown_code"), ("knp", "71", "wrong_length"), ("knp", "7100", "wrong_length"),
        ("knp", "7a0", "invalid_characters"),
        ("purpose", "", "required"), ("purpose", String(repeating: "з", count: 421), "too_long"), ("purpose", "line\nbreak", "invalid_characters"),
        ("purpose", "tab\there", "invalid_characters"),
        ("amount", "", "required"), ("amount", "abc", "invalid_format"), ("amount", "1.005", "invalid_format"), ("amount", "1e5", "invalid_format"),
        ("amount", "0", "not_positive"), ("amount", "0.00", "not_positive"), ("amount", "-5", "not_positive"),
        ("amount", "99999999999999999999", "invalid_value"),
        ("currency", "", "required"), ("currency", "RUB", "invalid_value"), ("currency", "тенге", "invalid_value"),
        ("valueDate", "", "required"), ("valueDate", "2026/11/26", "invalid_format"), ("valueDate", "2026-11-31", "invalid_date"),
        ("valueDate", "2026-11-24", "before_document_date"),
        ("urgency", "", "required"), ("urgency", "express", "invalid_value"),
    ])
    func invalidField_isReportedOnThatFieldOnly(field: String, value: String, code: String) {
        // when
        let violations = PaymentOrderFixtures.violations(PaymentOrderFixtures.input(setting: field, to: value))
        // then
        #expect(violations == [Violation(field: field, code: code)])
    }

    @Test(arguments: [
        ("number", String(repeating: "9", count: 20)), ("beneficiaryName", String(repeating: "А", count: 140)),
        ("purpose", String(repeating: "з", count: 420)), ("purpose", "Оплата 😀 ✓ «кавычки» — тире"),
        ("beneficiaryTaxID", PaymentOrderFixtures.iin.value),
        ("beneficiaryBIC", "HSBKKZKXXXX"), ("currency", "USD"), ("currency", "eur"), ("amount", "0.01"), ("valueDate", "2026-11-26"),
        ("urgency", "urgent"), ("knp", "911"),
    ])
    func boundaryValues_areAccepted(field: String, value: String) {
        #expect(PaymentOrderFixtures.violations(PaymentOrderFixtures.input(setting: field, to: value)).isEmpty)
    }

    @Test func everyFieldWrong_reportsAllViolationsAtOnceInFormOrder() {
        // given
        let input = PaymentOrderInput(
            number: "",
            date: "2026-13-01",
            payerAccount: "KZ87125KZT5004100100",
            beneficiaryName: "\u{0000}",
            beneficiaryTaxID: "123",
            beneficiaryAccount: "KZ00123",
            beneficiaryBIC: "DEUTDEFF",
            kbe: "30",
            knp: "000",
            purpose: String(repeating: "x", count: 421),
            amount: "-5",
            currency: "RUB",
            valueDate: "soon",
            urgency: "express"
        )
        // when
        let violations = PaymentOrderFixtures.violations(input)
        // then
        #expect(
            violations == [
                Violation(field: "number", code: "required"), Violation(field: "date", code: "invalid_date"),
                Violation(field: "payerAccount", code: "invalid_checksum"), Violation(field: "beneficiaryName", code: "invalid_characters"),
                Violation(field: "beneficiaryTaxID", code: "wrong_length"), Violation(field: "beneficiaryAccount", code: "wrong_length"),
                Violation(field: "beneficiaryBIC", code: "invalid_country"), Violation(field: "kbe", code: "invalid_format"),
                Violation(field: "knp", code: "unknown_code"), Violation(field: "purpose", code: "too_long"),
                Violation(field: "amount", code: "not_positive"), Violation(field: "currency", code: "invalid_value"),
                Violation(field: "valueDate", code: "invalid_format"), Violation(field: "urgency", code: "invalid_value"),
            ]
        )
    }

    @Test func emptyForm_reportsEveryFieldAsRequired() {
        let empty = PaymentOrderInput(
            number: "",
            date: "",
            payerAccount: "",
            beneficiaryName: "",
            beneficiaryTaxID: "",
            beneficiaryAccount: "",
            beneficiaryBIC: "",
            kbe: "",
            knp: "",
            purpose: "",
            amount: "",
            currency: "",
            valueDate: "",
            urgency: ""
        )
        #expect(PaymentOrderFixtures.violations(empty) == PaymentOrderFixtures.fieldNames.map { Violation(field: $0, code: "required") })
    }

    @Test func severalWrongFields_areAllReported() {
        // given: the server's "invalid order" scenario
        var input = PaymentOrderFixtures.valid
        input.amount = "-5"
        input.knp = "000"
        input.beneficiaryAccount = "KZ00123"
        input.beneficiaryTaxID = "123"
        // then
        #expect(
            PaymentOrderFixtures.violations(input) == [
                Violation(field: "beneficiaryTaxID", code: "wrong_length"), Violation(field: "beneficiaryAccount", code: "wrong_length"),
                Violation(field: "knp", code: "unknown_code"), Violation(field: "amount", code: "not_positive"),
            ]
        )
    }

    @Test func amount_withUnknownCurrency_isStillChecked() {
        var input = PaymentOrderFixtures.input(setting: "currency", to: "RUB")
        input.amount = "1.005"
        #expect(
            PaymentOrderFixtures.violations(input) == [
                Violation(field: "amount", code: "invalid_format"), Violation(field: "currency", code: "invalid_value"),
            ]
        )
    }

    @Test func valueDate_isNotComparedWhenTheDocumentDateIsInvalid() {
        var input = PaymentOrderFixtures.input(setting: "date", to: "2026-02-30")
        input.valueDate = "2000-01-01"
        #expect(PaymentOrderFixtures.violations(input) == [Violation(field: "date", code: "invalid_date")])
    }
}
