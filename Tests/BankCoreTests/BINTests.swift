import BankCore
import Testing

struct BINTests {
    // Check digits hand-verified with a separate python3 calculation.
    @Test(arguments: [
        ("050340000019", BIN.EntityType.residentLegalEntity),
        ("151250000023", .nonResidentLegalEntity),
        ("200161000039", .jointIndividualEntrepreneurship),
        ("050341000054", .residentLegalEntity),
        ("151250000402", .nonResidentLegalEntity),
        ("200161001804", .jointIndividualEntrepreneurship),
        ("050342000066", .residentLegalEntity),
        ("050340001808", .residentLegalEntity),
    ])
    func bin_knownValid_isAcceptedWithEntityType(raw: String, entityType: BIN.EntityType) throws {
        let bin = try BIN(raw)
        #expect(bin.value == raw)
        #expect(bin.entityType == entityType)
    }

    @Test(arguments: [
        (4, BIN.EntityType.residentLegalEntity), (5, .nonResidentLegalEntity), (6, .jointIndividualEntrepreneurship),
    ])
    func bin_typeDigit_mapsToEntityType(typeDigit: Int, entityType: BIN.EntityType) throws {
        let raw = Reference.withKZCheckDigit("0503\(typeDigit)000001")
        #expect(try BIN(raw).entityType == entityType)
    }

    @Test(arguments: [0, 1, 2, 3, 7, 8, 9])
    func bin_withUnknownTypeDigit_isRejected(typeDigit: Int) {
        let raw = Reference.withKZCheckDigit("0503\(typeDigit)000001")
        #expect(throws: IdentifierError.invalidTypeDigit) { try BIN(raw) }
    }

    @Test(arguments: 0...3)
    func bin_withKnownAttributeDigit_isAccepted(attributeDigit: Int) throws {
        let raw = Reference.withKZCheckDigit("05034\(attributeDigit)00001")
        #expect(try BIN(raw).value == raw)
    }

    @Test(arguments: 4...9)
    func bin_withUnknownAttributeDigit_isRejected(attributeDigit: Int) {
        let raw = Reference.withKZCheckDigit("05034\(attributeDigit)00001")
        #expect(throws: IdentifierError.invalidTypeDigit) { try BIN(raw) }
    }

    @Test(arguments: ["0500", "0513", "0599"])
    func bin_withImpossibleMonth_isInvalidDate(yearMonth: String) {
        let raw = Reference.withKZCheckDigit(yearMonth + "4000001")
        #expect(throws: IdentifierError.invalidDate) { try BIN(raw) }
    }

    @Test(arguments: 1...12)
    func bin_withEveryMonth_isAccepted(month: Int) throws {
        let yearMonth = "05" + (month < 10 ? "0\(month)" : "\(month)")
        // the first serial whose check digit exists (some prefixes have none)
        let candidates = (10...99).map { yearMonth + "40000" + String($0) }
        let first11 = try #require(candidates.first { Reference.kzCheckDigit($0) != nil })
        let raw = Reference.withKZCheckDigit(first11)
        #expect(try BIN(raw).value == raw)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 8])
    func bin_withWrongCheckDigit_isRejected(checkDigit: Int) {
        #expect(throws: IdentifierError.invalidChecksum) { try BIN("05034000001\(checkDigit)") }
    }

    @Test func bin_validOnlyThroughFallbackWeights_isAccepted() throws {
        #expect(Reference.firstPassSum("05034000180") == 10)
        #expect(try BIN("050340001808").entityType == .residentLegalEntity)
        #expect(throws: IdentifierError.invalidChecksum) { try BIN("050340001800") }
    }

    @Test(arguments: 0...9)
    func bin_whoseBothChecksumPassesAreTen_isRejectedForEveryFinalDigit(finalDigit: Int) {
        #expect(throws: IdentifierError.invalidChecksum) { try BIN("05034000181\(finalDigit)") }
    }

    @Test(arguments: ["", "   "])
    func bin_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try BIN(raw) }
    }

    @Test(arguments: ["05034000001O", "0503-4000001", "0503 40000019", "٠٥٠٣٤٠٠٠٠٠١٩"])
    func bin_withNonDigits_isInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try BIN(raw) }
    }

    @Test(arguments: ["05034000001", "0503400000190", "0"])
    func bin_withWrongLength_isRejected(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try BIN(raw) }
    }

    @Test func iin_isNotABIN() {
        // 900115300003: position 5 holds the day's tens digit 1, which is no BIN type.
        #expect(throws: IdentifierError.invalidTypeDigit) { try BIN("900115300003") }
    }

    @Test func withCheckDigit_buildsValidBIN() throws {
        let bin = try #require(BIN.withCheckDigit("15125000040"))
        #expect(bin.value == "151250000402")
        #expect(try BIN(" 151250000402 ") == bin)
    }

    @Test(arguments: ["05034000181", "0503400000", "05032000001", "05037000001", "05134000001", "0503400000X"])
    func withCheckDigit_whenNoValidBINExists_isNil(first11: String) {
        #expect(BIN.withCheckDigit(first11) == nil)
    }
}
