import BankCore
import Testing

@Suite("Payroll CSV: every line checked, every error named by line")
struct PayrollCSVTests {
    private let iin = "900115300003"
    private let iban = "KZ86125KZT5004100100"

    @Test func headerAndQuotes_areRead_lineNumbersCountTheFile() throws {
        // given: a header, a quoted name holding the separator, a blank line
        let csv = "ФИО;ИИН;IBAN;Сумма\n\"Оспанова; Әсел\";\(iin);\(iban);1000.50\n\n Дана ;\(iin);\(iban);7"
        // when
        let lines = try PayrollCSV.parse(csv, currency: .kzt).get()
        // then
        #expect(lines.map(\.number) == [2, 4])
        #expect(lines.map(\.fullName) == ["Оспанова; Әсел", "Дана"])
        #expect(lines.map(\.amount) == [Money(minorUnits: 100_050, currency: .kzt), Money(minorUnits: 700, currency: .kzt)])
        #expect(lines[0].iin.value == iin && lines[0].iban.value == iban)
    }

    @Test func commas_separate_whenTheLineHasNoSemicolon() throws {
        let lines = try PayrollCSV.parse("\"Doe, John\",\(iin),\(iban),10", currency: .kzt).get()
        #expect(lines.map(\.fullName) == ["Doe, John"])
    }

    @Test func everyBadField_isReported_withItsLine() {
        let csv = "А;\(iin);\(iban);10\n;900115300004;KZ00;-5\nonly;three;cells\nБ;\(iin);\(iban);abc"
        #expect(
            PayrollCSV.parse(csv, currency: .kzt).violations == [
                "line[2].fullName:required", "line[2].iin:invalid_checksum", "line[2].iban:wrong_length", "line[2].amount:not_positive",
                "line[3]:invalid_format", "line[4].amount:invalid_format",
            ]
        )
    }

    @Test func anEmptyFile_orOnlyAHeader_isRequired() {
        #expect(PayrollCSV.parse("", currency: .kzt).violations == ["csv:required"])
        #expect(PayrollCSV.parse("full name;iin;iban;amount\n", currency: .kzt).violations == ["csv:required"])
    }
}

extension Result<[PayrollCSV.Line], PayrollCSVInvalid> {
    fileprivate var violations: [String] {
        guard case .failure(let invalid) = self else { return [] }
        return invalid.violations.map { "\($0.field):\($0.code)" }
    }
}
