import BankCore
import Testing

struct IINTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let iin: String
        let year: Int
        let month: Int
        let day: Int
        let isMale: Bool
        var testDescription: String { iin }
    }

    // Check digits hand-verified with a separate python3 calculation.
    @Test(arguments: [
        Expected(iin: "900115300003", year: 1990, month: 1, day: 15, isMale: true),
        Expected(iin: "850731400126", year: 1985, month: 7, day: 31, isMale: false),
        Expected(iin: "000229500018", year: 2000, month: 2, day: 29, isMale: true),
        Expected(iin: "991231601239", year: 2099, month: 12, day: 31, isMale: false),
        Expected(iin: "010101100018", year: 1801, month: 1, day: 1, isMale: true),
        Expected(iin: "900115300401", year: 1990, month: 1, day: 15, isMale: true),
    ])
    func iin_knownValid_isAcceptedWithBirthData(expected: Expected) throws {
        let iin = try IIN(expected.iin)
        #expect(iin.value == expected.iin)
        #expect(iin.birthYear == expected.year)
        #expect(iin.birthMonth == expected.month)
        #expect(iin.birthDay == expected.day)
        #expect(iin.isMale == expected.isMale)
    }

    @Test(arguments: [(1, 1890, true), (2, 1890, false), (3, 1990, true), (4, 1990, false), (5, 2090, true), (6, 2090, false)])
    func iin_centuryDigit_setsCenturyAndSex(centuryDigit: Int, year: Int, isMale: Bool) throws {
        // given: 15 Jan of year 90 with the reference check digit
        let raw = Reference.withKZCheckDigit("900115\(centuryDigit)0000")
        // when
        let iin = try IIN(raw)
        // then
        #expect(iin.birthYear == year)
        #expect(iin.isMale == isMale)
    }

    @Test(arguments: [0, 7, 8, 9])
    func iin_withCenturyDigitOutsideOneToSix_isInvalidDate(centuryDigit: Int) {
        let raw = Reference.withKZCheckDigit("900115\(centuryDigit)0000")
        #expect(throws: IdentifierError.invalidDate) { try IIN(raw) }
    }

    @Test(arguments: [
        "9002305",  // 30 Feb
        "9013155",  // month 13
        "9000155",  // month 00
        "9001005",  // day 00
        "9001325",  // 32 Jan
        "9004313",  // 31 Apr
        "0002293",  // 29 Feb 1900: not a leap year
        "0102295",  // 29 Feb 2001
    ])
    func iin_withImpossibleBirthDate_isInvalidDate(datePrefix: String) {
        let raw = Reference.withKZCheckDigit(datePrefix + "0000")
        #expect(throws: IdentifierError.invalidDate) { try IIN(raw) }
    }

    @Test(arguments: ["0002295", "9602294", "1202296"])
    func iin_onTwentyNinthFebruaryOfLeapYear_isAccepted(datePrefix: String) throws {
        let raw = Reference.withKZCheckDigit(datePrefix + "0001")
        #expect(try IIN(raw).birthDay == 29)
    }

    @Test(arguments: [0, 1, 2, 4, 5, 6, 7, 8, 9])
    func iin_withWrongCheckDigit_isRejected(checkDigit: Int) {
        // 900115300003 is valid, so every other final digit is wrong
        #expect(throws: IdentifierError.invalidChecksum) { try IIN("90011530000\(checkDigit)") }
    }

    @Test func iin_validOnlyThroughFallbackWeights_isAccepted() throws {
        #expect(Reference.firstPassSum("90011530040") == 10)
        #expect(try IIN("900115300401").value == "900115300401")
        // The first-pass result would be 10, which cannot be a digit; 0 is the plausible wrong guess.
        #expect(throws: IdentifierError.invalidChecksum) { try IIN("900115300400") }
    }

    @Test(arguments: 0...9)
    func iin_whoseBothChecksumPassesAreTen_isRejectedForEveryFinalDigit(finalDigit: Int) {
        #expect(throws: IdentifierError.invalidChecksum) { try IIN("90011530120\(finalDigit)") }
    }

    @Test(arguments: ["", " ", "\n\t "])
    func iin_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try IIN(raw) }
    }

    @Test(arguments: ["90011530000A", "9001153-0003", "900115 300003", "９００１１５３０００３", "+900115300003"])
    func iin_withNonDigits_isInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try IIN(raw) }
    }

    @Test(arguments: ["90011530000", "9001153000031", "1", "9001153000030000"])
    func iin_withWrongLength_isRejected(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try IIN(raw) }
    }

    @Test func iin_withSurroundingWhitespace_isTrimmed() throws {
        #expect(try IIN("  900115300003\n").value == "900115300003")
    }

    @Test func withCheckDigit_buildsValidIIN() throws {
        let iin = try #require(IIN.withCheckDigit("85073140012"))
        #expect(iin.value == "850731400126")
        #expect(try IIN(iin.value) == iin)
    }

    @Test func withCheckDigit_agreesWithReferenceOnManySerials() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let prefix = "9001153" + generator.digits(4)
            let expected = Reference.kzCheckDigit(prefix).map { prefix + String($0) }
            #expect(IIN.withCheckDigit(prefix)?.value == expected)
        }
    }

    @Test(arguments: ["90011530120", "9001153000", "900115300000", "9001153000A", "90023050000", "90011570000", ""])
    func withCheckDigit_whenNoValidIINExists_isNil(first11: String) {
        #expect(IIN.withCheckDigit(first11) == nil)
    }

    @Test func iin_equalityAndHashing_useCanonicalValue() throws {
        #expect(try IIN(" 900115300003") == IIN("900115300003"))
        #expect(Set([try IIN("900115300003"), try IIN("900115300003 ")]).count == 1)
    }

    @Test func bin_isNotAnIIN() {
        // A BIN's type digit sits where an IIN has the day's tens digit, so the date is impossible.
        #expect(throws: IdentifierError.invalidDate) { try IIN("050340000019") }
    }
}
