import BankCore
import Testing

struct IdentifierErrorTests {
    @Test(arguments: [
        (IdentifierError.empty, "required"),
        (.wrongLength, "wrong_length"),
        (.invalidCharacters, "invalid_characters"),
        (.invalidChecksum, "invalid_checksum"),
        (.invalidCountry, "invalid_country"),
        (.invalidDate, "invalid_date"),
        (.invalidTypeDigit, "invalid_type_digit"),
        (.notMobile, "not_mobile"),
        (.invalidFormat, "invalid_format"),
    ])
    func code_isStableSnakeCase(error: IdentifierError, expected: String) {
        #expect(error.code == expected)
    }

    @Test func codes_areUnique() {
        let all: [IdentifierError] = [
            .empty, .wrongLength, .invalidCharacters, .invalidChecksum, .invalidCountry, .invalidDate, .invalidTypeDigit,
            .notMobile, .invalidFormat,
        ]
        #expect(Set(all.map(\.code)).count == all.count)
    }
}
