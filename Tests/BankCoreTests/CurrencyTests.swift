import BankCore
import Foundation
import Testing

struct CurrencyTests {
    @Test(arguments: [("KZT", Currency.kzt), ("USD", .usd), ("EUR", .eur), ("kzt", .kzt), (" eur ", .eur)])
    func currency_knownCode_isFound(code: String, expected: Currency) throws {
        #expect(try Currency(code: code) == expected)
    }

    @Test(arguments: [Currency.kzt, .usd, .eur])
    func currency_known_hasTwoMinorDigits(currency: Currency) {
        #expect(currency.minorUnitDigits == 2)
    }

    @Test func currency_codes_areISO4217() {
        #expect([Currency.kzt, .usd, .eur].map(\.code) == ["KZT", "USD", "EUR"])
    }

    @Test(arguments: ["RUB", "", "KZ", "KZTT", "XXX", "₸"])
    func currency_unknownCode_isRejected(code: String) {
        #expect(throws: MoneyError.unknownCurrency) { try Currency(code: code) }
    }

    @Test func currency_encodesAsBareCode() throws {
        let data = try JSONEncoder().encode([Currency.kzt])
        #expect(String(decoding: data, as: UTF8.self) == "[\"KZT\"]")
        #expect(try JSONDecoder().decode([Currency].self, from: data) == [.kzt])
    }

    @Test(arguments: ["[\"RUB\"]", "[\"\"]", "[5]", "[null]"])
    func currency_decodingInvalidValue_throws(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Currency].self, from: Data(json.utf8)) }
    }
}
