import BankCore
import Testing

struct KBeTests {
    @Test(arguments: 1...2, 1...9)
    func kbe_everyResidencyAndSector_isAccepted(residency: Int, sector: Int) throws {
        let kbe = try KBe("\(residency)\(sector)")
        #expect(kbe.isResident == (residency == 1))
        #expect(kbe.sector == sector)
    }

    // DOMAIN.md: 17 resident company, 19 resident individual.
    @Test func kbe_typicalCodes_decodeAsDocumented() throws {
        let company = try KBe("17")
        #expect(company.isResident && company.sector == 7)
        let individual = try KBe(" 19 ")
        #expect(individual.value == "19")
        #expect(individual.isResident && individual.sector == 9)
        let foreignBank = try KBe("24")
        #expect(!foreignBank.isResident && foreignBank.sector == 4)
    }

    @Test(arguments: ["", " "])
    func kbe_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try KBe(raw) }
    }

    @Test(arguments: ["1A", "1 7", "-1", "１７"])
    func kbe_withNonDigits_isInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try KBe(raw) }
    }

    @Test(arguments: ["1", "170", "0017"])
    func kbe_withWrongLength_isRejected(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try KBe(raw) }
    }

    @Test(arguments: ["07", "37", "97", "10", "20", "00"])
    func kbe_withUnknownResidencyOrSector_isInvalidFormat(raw: String) {
        #expect(throws: IdentifierError.invalidFormat) { try KBe(raw) }
    }
}
