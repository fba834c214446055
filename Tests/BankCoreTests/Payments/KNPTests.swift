import BankCore
import Foundation
import Testing

struct KNPTests {
    /// DOMAIN.md's confirmed examples, plus 332 (listed, though unconfirmed as the general salary code).
    @Test(arguments: ["710", "911", "912", "010", "019", "089", "012", "017", "121", "122", "119", "341", "332"])
    func domainCodes_areKnownWithNamesInThreeLanguages(code: String) throws {
        let knp = try KNP(code)
        #expect(knp.code == code)
        #expect(!knp.name.kk.isEmpty && !knp.name.ru.isEmpty && !knp.name.en.isEmpty)
    }

    @Test func knownCode_hasItsDictionaryName() throws {
        #expect(try KNP("710").name == LocalizedName(kk: "Тауарлар үшін төлем", ru: "Оплата за товары", en: "Payment for goods"))
    }

    @Test(arguments: [" 710", "710 ", "\t710\n"])
    func surroundingWhitespace_isTrimmed(raw: String) throws {
        #expect(try KNP(raw).code == "710")
    }

    @Test(arguments: ["000", "999", "700", "101"])
    func wellFormedButUnknownCode_isUnknownCode(raw: String) {
        #expect(throws: IdentifierError.unknownCode) { try KNP(raw) }
    }

    @Test(arguments: [("", IdentifierError.empty), ("  ", .empty), ("71", .wrongLength), ("7100", .wrongLength), ("0710", .wrongLength)])
    func blankOrWrongLength_isRejected(raw: String, expected: IdentifierError) {
        #expect(throws: expected) { try KNP(raw) }
    }

    // The last two are full-width and Arabic-Indic digits: they look like 710 but are not ASCII.
    @Test(arguments: ["7a0", "71-", "7 10", "-10", "７１０", "٧١٠"])
    func nonDigits_areInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try KNP(raw) }
    }

    @Test func all_isSortedUniqueAndEveryEntryParses() throws {
        let codes = KNP.all.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        for knp in KNP.all {
            #expect(try KNP(knp.code) == knp)
            #expect(knp.code.utf8.count == 3 && knp.code.allSatisfy(\.isASCII))
            #expect(!knp.name.kk.isEmpty && !knp.name.ru.isEmpty && !knp.name.en.isEmpty)
        }
    }

    @Test func unknownCode_hasStableSnakeCaseCode() {
        #expect(IdentifierError.unknownCode.code == "unknown_code")
    }

    @Test func codable_roundTripsAsTheBareCode() throws {
        let encoded = try JSONEncoder().encode([try KNP("911")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["911"]"#)
        #expect(try JSONDecoder().decode([KNP].self, from: encoded) == [try KNP("911")])
    }

    @Test func decoding_unknownCode_throwsDataCorruptedWithUnderlyingError() {
        do {
            _ = try JSONDecoder().decode([KNP].self, from: Data(#"["000"]"#.utf8))
            Issue.record("decoding an unknown KNP succeeded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.underlyingError as? IdentifierError == .unknownCode)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
