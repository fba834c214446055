import BankCore
import Testing

struct IBANTests {
    // Hand-verified with python3 (int of the rearranged digits % 97 == 1). The first is the
    // SWIFT IBAN Registry example for Kazakhstan.
    @Test(arguments: ["KZ86125KZT5004100100", "KZ75125KZT2069100100", "KZ31601A000000000001", "KZ076010000000000006"])
    func iban_knownValid_isAccepted(raw: String) throws {
        #expect(Reference.ibanMod97(raw) == 1)
        #expect(try IBAN(raw).value == raw)
    }

    @Test(arguments: [
        "kz86125kzt5004100100", "KZ86 125K ZT50 0410 0100", "kz86 125k zt50 0410 0100", "  KZ86125KZT5004100100\n",
        "KZ86\u{00A0}125K\u{00A0}ZT50\u{00A0}0410\u{00A0}0100", "K Z 8 6 1 2 5 K Z T 5 0 0 4 1 0 0 1 0 0",
    ])
    func iban_withSpacesOrLowerCase_isCanonicalised(raw: String) throws {
        #expect(try IBAN(raw).value == "KZ86125KZT5004100100")
    }

    @Test func iban_exposesBankCodeAndGroupsOfFour() throws {
        let iban = try IBAN("kz86125kzt5004100100")
        #expect(iban.bankCode == "125")
        #expect(iban.formatted == "KZ86 125K ZT50 0410 0100")
        #expect(try IBAN(iban.formatted) == iban)
    }

    @Test(arguments: ["", "   ", "\n"])
    func iban_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try IBAN(raw) }
    }

    @Test(arguments: ["KZ86-125K-ZT50-0410-0100", "KZ86125KZT500410010Ä", "KZ86125KZT50041001.0", "КZ86125KZT5004100100"])
    func iban_withCharactersOutsideASCIIAlphanumerics_isRejected(raw: String) {
        // the last one starts with a Cyrillic К
        #expect(throws: IdentifierError.invalidCharacters) { try IBAN(raw) }
    }

    @Test(arguments: ["DE89370400440532013000", "GB29NWBK60161331926819", "RU0204452560040702810412345678901", "KK86125KZT5004100100"])
    func iban_fromAnotherCountry_isInvalidCountry(raw: String) {
        #expect(throws: IdentifierError.invalidCountry) { try IBAN(raw) }
    }

    @Test(arguments: ["K", "KZ", "KZ86125KZT500410010", "KZ86125KZT50041001000", "KZ86 125K ZT50 0410"])
    func iban_withWrongLength_isRejected(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try IBAN(raw) }
    }

    @Test(arguments: ["KZ8A125KZT5004100100", "KZAB125KZT5004100100", "KZ86A25KZT5004100100", "KZ8612AKZT5004100100"])
    func iban_withLettersInCheckDigitsOrBankCode_isInvalidFormat(raw: String) {
        #expect(throws: IdentifierError.invalidFormat) { try IBAN(raw) }
    }

    @Test(arguments: ["KZ87125KZT5004100100", "KZ86125KZT5004101000", "KZ86126KZT5004100100", "KZ86125KZT5004100101"])
    func iban_withBadMod97_isInvalidChecksum(raw: String) {
        #expect(Reference.ibanMod97(raw) != 1)
        #expect(throws: IdentifierError.invalidChecksum) { try IBAN(raw) }
    }

    // Check digits 00, 01 and 99 are congruent to 97, 98 and 02, so they pass MOD-97 but are never issued.
    @Test(arguments: ["KZ996010000000000096", "KZ006010000000000035", "KZ016010000000000017"])
    func iban_withReservedCheckDigits_isInvalidChecksum(raw: String) {
        #expect(Reference.ibanMod97(raw) == 1)
        #expect(throws: IdentifierError.invalidChecksum) { try IBAN(raw) }
    }

    // ISO 7064 MOD 97-10 detects every substitution of a digit by a digit or a letter by a letter
    // (the numeric value changes by less than 97 times a power of ten); letter↔digit changes are not guaranteed.
    @Test func iban_everySingleSameClassSubstitution_isDetected() throws {
        let valid = Array("KZ86125KZT5004100100")
        let digits = Array("0123456789")
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for position in 2..<valid.count {
            let sameClass = valid[position].isNumber ? digits : letters
            for replacement in sameClass where replacement != valid[position] {
                var changed = valid
                changed[position] = replacement
                #expect(throws: IdentifierError.self) { try IBAN(String(changed)) }
            }
        }
    }

    // Expected values computed independently with python3.
    @Test(arguments: [
        ("125", "KZT5004100100", "KZ86125KZT5004100100"),
        ("601", "A000000000001", "KZ31601A000000000001"),
        ("722", "S000000000000", "KZ02722S000000000000"),
        ("998", "0000000000000", "KZ169980000000000000"),
        ("319", "kzt1234567890", "KZ58319KZT1234567890"),
        ("601", "0000000000006", "KZ076010000000000006"),
    ])
    func make_computesCheckDigits(bankCode: String, accountPart: String, expected: String) throws {
        let iban = try #require(IBAN.make(bankCode: bankCode, accountPart: accountPart))
        #expect(iban.value == expected)
        #expect(iban.bankCode == bankCode)
    }

    @Test func make_roundTripsThroughParsing() throws {
        var generator = SeededGenerator(seed: 13_616)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for _ in 0..<500 {
            // given
            let bankCode = generator.digits(3)
            let accountPart = String((0..<13).map { _ in alphabet.randomElement(using: &generator)! })
            // when
            let made = try #require(IBAN.make(bankCode: bankCode, accountPart: accountPart))
            // then
            #expect(Reference.ibanMod97(made.value) == 1)
            #expect(try IBAN(made.formatted.lowercased()) == made)
            #expect(made.bankCode == bankCode)
            #expect(made.value.hasSuffix(accountPart))
        }
    }

    @Test(arguments: [
        ("12", "KZT5004100100"), ("1234", "KZT5004100100"), ("12A", "KZT5004100100"), ("125", "KZT500410010"),
        ("125", "KZT50041001000"), ("125", "KZT-004100100"), ("125", "KZT50041001Ä0"), ("", ""),
    ])
    func make_withMalformedParts_isNil(bankCode: String, accountPart: String) {
        #expect(IBAN.make(bankCode: bankCode, accountPart: accountPart) == nil)
    }
}
