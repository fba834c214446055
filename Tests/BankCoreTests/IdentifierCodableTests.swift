import BankCore
import Foundation
import Testing

struct IdentifierCodableTests {
    /// A payload shaped like an API request, so identifiers are decoded as nested fields.
    struct Payee: Codable, Equatable {
        let iin: IIN
        let bin: BIN
        let iban: IBAN
        let bic: BIC
        let kbe: KBe
        let phone: PhoneNumber
        let email: EmailAddress
        let entityType: BIN.EntityType
    }

    private let validFields: [String: String] = [
        "iin": "900115300003", "bin": "050340000019", "iban": "KZ86125KZT5004100100", "bic": "HSBKKZKX", "kbe": "17",
        "phone": "+77011234567", "email": "a@example.kz", "entityType": "resident_legal_entity",
    ]

    private func json(_ fields: [String: String]) -> Data {
        let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return Data("{\(body)}".utf8)
    }

    @Test func identifiers_roundTripAsCanonicalStrings() throws {
        // given: input in lenient forms
        var lenient = validFields
        lenient["iban"] = "kz86 125k zt50 0410 0100"
        lenient["bic"] = "hsbkkzkx"
        lenient["phone"] = "8 (701) 123-45-67"
        lenient["email"] = "a@Example.KZ"
        // when
        let payee = try JSONDecoder().decode(Payee.self, from: json(lenient))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode(payee)
        // then: encoded in canonical form, and decodes to the same value
        #expect(encoded == json(validFields))
        #expect(try JSONDecoder().decode(Payee.self, from: encoded) == payee)
    }

    @Test(arguments: [
        ("iin", "900115300004", IdentifierError.invalidChecksum), ("iin", "", .empty), ("bin", "050370000012", .invalidTypeDigit),
        ("iban", "KZ87125KZT5004100100", .invalidChecksum), ("iban", "DE89370400440532013000", .invalidCountry),
        ("bic", "HSBKKZK", .wrongLength), ("kbe", "30", .invalidFormat), ("phone", "+7 916 123 45 67", .notMobile),
        ("email", "not-an-email", .invalidFormat),
    ])
    func decoding_invalidIdentifier_throwsDataCorruptedWithUnderlyingError(field: String, raw: String, expected: IdentifierError) {
        // given
        var fields = validFields
        fields[field] = raw
        // when
        do {
            _ = try JSONDecoder().decode(Payee.self, from: json(fields))
            Issue.record("decoding succeeded for invalid \(field)")
        } catch DecodingError.dataCorrupted(let context) {
            // then
            #expect(context.underlyingError as? IdentifierError == expected)
            #expect(context.codingPath.map(\.stringValue) == [field])
            #expect(!context.debugDescription.contains(raw) || raw.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ["iin", "iban", "phone", "entityType"])
    func decoding_nonStringIdentifier_throws(field: String) {
        let body = String(decoding: json(validFields), as: UTF8.self).replacingOccurrences(
            of: "\"\(field)\":\"\(validFields[field]!)\"",
            with: "\"\(field)\":12"
        )
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Payee.self, from: Data(body.utf8)) }
    }

    @Test func decoding_unknownEntityType_throws() {
        var fields = validFields
        fields["entityType"] = "sole_proprietor"
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Payee.self, from: json(fields)) }
    }

    @Test func treasuryBIC_encodesAsItsCode() throws {
        let data = try JSONEncoder().encode([BIC.treasury])
        #expect(String(decoding: data, as: UTF8.self) == #"["KKMFKZ2A"]"#)
    }
}
