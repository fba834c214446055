import BankCore
import Foundation
import Testing

struct TaxpayerIDTests {
    @Test(arguments: ["050340000019", "151250000023", "200161000039"])
    func typeDigit4to6_readsAsBIN(raw: String) throws {
        #expect(try TaxpayerID(raw) == .bin(try BIN(raw)))
    }

    @Test func builtBIN_readsAsBIN() throws {
        let bin = PaymentOrderFixtures.bin
        #expect(try TaxpayerID(bin.value) == .bin(bin))
        #expect(try TaxpayerID(bin.value).value == bin.value)
    }

    @Test(arguments: ["850731400121", "900115300003"])
    func otherDigit5_readsAsIIN(raw: String) throws {
        let iin = try #require(IIN.withCheckDigit(String(raw.prefix(11))))
        #expect(try TaxpayerID(iin.value) == .iin(iin))
        #expect(try TaxpayerID(" \(iin.value)\n").value == iin.value)
    }

    @Test func iinReading_reportsIINErrors() {
        // given: digit 5 is 1, so IIN rules apply; 31 Feb is not a birth date
        let badDate = Reference.withKZCheckDigit("85023140012")
        // then
        #expect(throws: IdentifierError.invalidDate) { try TaxpayerID(badDate) }
        #expect(throws: IdentifierError.invalidChecksum) { try TaxpayerID("900115300004") }
    }

    @Test func binReading_reportsBINErrors() {
        // given: digit 5 is 4, so BIN rules apply; attribute digit 7 and month 13 do not exist
        #expect(throws: IdentifierError.invalidTypeDigit) { try TaxpayerID(Reference.withKZCheckDigit("05034700001")) }
        #expect(throws: IdentifierError.invalidDate) { try TaxpayerID(Reference.withKZCheckDigit("05134000001")) }
        #expect(throws: IdentifierError.invalidChecksum) { try TaxpayerID("050340000018") }
    }

    @Test(arguments: [
        ("", IdentifierError.empty), ("12345678901", .wrongLength), ("1234567890123", .wrongLength), ("0503400000I9", .invalidCharacters),
    ])
    func malformed_isRejectedBeforeChoosingAReading(raw: String, expected: IdentifierError) {
        #expect(throws: expected) { try TaxpayerID(raw) }
    }

    @Test func codable_roundTripsAsTheBareDigits() throws {
        let ids: [TaxpayerID] = [.bin(PaymentOrderFixtures.bin), .iin(PaymentOrderFixtures.iin)]
        let encoded = try JSONEncoder().encode(ids)
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(PaymentOrderFixtures.bin.value)\",\"\(PaymentOrderFixtures.iin.value)\"]")
        #expect(try JSONDecoder().decode([TaxpayerID].self, from: encoded) == ids)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([TaxpayerID].self, from: Data(#"["050340000018"]"#.utf8)) }
    }
}
