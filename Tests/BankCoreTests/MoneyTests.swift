import BankCore
import Foundation
import Testing

struct MoneyTests {
    @Test(
        arguments: [
            (123_450, "1234.50"), (0, "0.00"), (1, "0.01"), (-5, "-0.05"), (-100, "-1.00"), (10, "0.10"),
            (Int64.max, "92233720368547758.07"), (Int64.min, "-92233720368547758.08"),
        ] as [(Int64, String)]
    )
    func decimalString_isExact(minorUnits: Int64, expected: String) {
        #expect(Money(minorUnits: minorUnits, currency: .kzt).decimalString == expected)
    }

    @Test func signPredicates_followMinorUnits() {
        let positive = Money(minorUnits: 1, currency: .kzt)
        let negative = Money(minorUnits: -1, currency: .kzt)
        let zero = Money.zero(.kzt)
        #expect(positive.isPositive && !positive.isNegative && !positive.isZero)
        #expect(!negative.isPositive && negative.isNegative && !negative.isZero)
        #expect(!zero.isPositive && !zero.isNegative && zero.isZero)
        #expect(zero == Money(minorUnits: 0, currency: .kzt))
        #expect(Money.zero(.usd) != Money.zero(.kzt))
    }

    @Test func adding_sameCurrency_sumsMinorUnits() throws {
        // given
        let salary = try Money(parsing: "250 000,00", currency: .kzt)
        let bonus = try Money(parsing: "0.10", currency: .kzt)
        // when
        let total = try salary.adding(bonus)
        // then
        #expect(total == Money(minorUnits: 25_000_010, currency: .kzt))
        #expect(total.decimalString == "250000.10")
    }

    @Test func subtracting_sameCurrency_canGoNegative() throws {
        let balance = Money(minorUnits: 500, currency: .usd)
        let payment = Money(minorUnits: 750, currency: .usd)
        #expect(try balance.subtracting(payment) == Money(minorUnits: -250, currency: .usd))
    }

    @Test func tenCentsAddedTenTimes_isExactlyOne() throws {
        // The classic Double failure: 0.1 added ten times is not 1.0 in binary floating point.
        var total = Money.zero(.eur)
        for _ in 0..<10 { total = try total.adding(Money(parsing: "0.10", currency: .eur)) }
        #expect(total == Money(minorUnits: 100, currency: .eur))
    }

    @Test func adding_differentCurrencies_isCurrencyMismatch() {
        let tenge = Money(minorUnits: 100, currency: .kzt)
        let dollars = Money(minorUnits: 100, currency: .usd)
        #expect(throws: MoneyError.currencyMismatch) { try tenge.adding(dollars) }
        #expect(throws: MoneyError.currencyMismatch) { try dollars.subtracting(tenge) }
        #expect(throws: MoneyError.currencyMismatch) { try Money.zero(.eur).adding(.zero(.usd)) }
    }

    @Test(arguments: [(Int64.max, 1), (Int64.min, -1), (Int64.max / 2 + 1, Int64.max / 2 + 1)] as [(Int64, Int64)])
    func adding_beyondInt64_isOverflow(lhs: Int64, rhs: Int64) {
        let left = Money(minorUnits: lhs, currency: .kzt)
        let right = Money(minorUnits: rhs, currency: .kzt)
        #expect(throws: MoneyError.overflow) { try left.adding(right) }
    }

    @Test(arguments: [(Int64.min, 1), (Int64.max, -1), (0, Int64.min)] as [(Int64, Int64)])
    func subtracting_beyondInt64_isOverflow(lhs: Int64, rhs: Int64) {
        let left = Money(minorUnits: lhs, currency: .kzt)
        let right = Money(minorUnits: rhs, currency: .kzt)
        #expect(throws: MoneyError.overflow) { try left.subtracting(right) }
    }

    @Test func adding_upToInt64Max_isExact() throws {
        let almost = Money(minorUnits: Int64.max - 1, currency: .kzt)
        #expect(try almost.adding(Money(minorUnits: 1, currency: .kzt)).minorUnits == Int64.max)
    }

    @Test func codable_usesMinorUnitsAndCurrencyCode() throws {
        // given
        let money = Money(minorUnits: 123_450, currency: .kzt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // when
        let json = String(decoding: try encoder.encode(money), as: UTF8.self)
        // then
        #expect(json == #"{"currency":"KZT","minorUnits":123450}"#)
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == money)
    }

    @Test(arguments: [Int64.max, Int64.min, -1, 0])
    func codable_roundTripsExtremes(minorUnits: Int64) throws {
        let money = Money(minorUnits: minorUnits, currency: .usd)
        #expect(try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money)) == money)
    }

    @Test(arguments: [
        #"{"minorUnits":100,"currency":"RUB"}"#, #"{"minorUnits":100.5,"currency":"KZT"}"#, #"{"minorUnits":"100","currency":"KZT"}"#,
        #"{"currency":"KZT"}"#, #"{"minorUnits":100}"#, #"{"minorUnits":9223372036854775808,"currency":"KZT"}"#, "1234.50",
    ])
    func decoding_invalidJSON_throws(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }
}
