import BankCore
import Testing

struct MoneyParsingTests {
    @Test(arguments: [
        ("1234.50", 123_450), ("1 234,5", 123_450), ("1234", 123_400), ("0.01", 1), ("0,1", 10), ("-0.05", -5),
        ("+10", 1_000), ("  42.00\n", 4_200), ("1\u{00A0}000\u{00A0}000,99", 100_000_099), ("1\u{202F}000.5", 100_050),
        ("007.07", 707), ("-0", 0), ("0", 0), ("-1 234.56", -123_456),
    ])
    func parsing_validDecimal_givesExactMinorUnits(input: String, expected: Int64) throws {
        let money = try Money(parsing: input, currency: .kzt)
        #expect(money.minorUnits == expected)
        #expect(money.currency == .kzt)
    }

    @Test(arguments: [
        "", "  ", "abc", "12a", "1.2.3", "1,234.50", "1.", ",5", ".5", "--1", "-", "+", "1e3", "0x10", "1  000",
        "1000 .5", "1. 5", "١٢٣", "１２", "1_000", "- 1", "∞", "NaN",
    ])
    func parsing_malformedText_isInvalidAmount(input: String) {
        #expect(throws: MoneyError.invalidAmount) { try Money(parsing: input, currency: .kzt) }
    }

    @Test(arguments: ["1.234", "0.001", "1,500", "-0.005"])
    func parsing_moreFractionDigitsThanCurrencyAllows_isInvalidAmount(input: String) {
        #expect(throws: MoneyError.invalidAmount) { try Money(parsing: input, currency: .usd) }
    }

    @Test func parsing_atInt64Limits_isExact() throws {
        #expect(try Money(parsing: "92233720368547758.07", currency: .kzt).minorUnits == Int64.max)
        #expect(try Money(parsing: "-92233720368547758.08", currency: .kzt).minorUnits == Int64.min)
    }

    @Test(arguments: ["92233720368547758.08", "-92233720368547758.09", "99999999999999999999", "184467440737095516.16"])
    func parsing_beyondInt64_isOverflow(input: String) {
        #expect(throws: MoneyError.overflow) { try Money(parsing: input, currency: .kzt) }
    }

    @Test(arguments: [Int64(0), 1, -1, 5, -5, 10, 99, 100, 123_450, -123_456, Int64.max, Int64.min])
    func decimalString_roundTripsThroughParsing(minorUnits: Int64) throws {
        let money = Money(minorUnits: minorUnits, currency: .eur)
        #expect(try Money(parsing: money.decimalString, currency: .eur) == money)
    }
}
