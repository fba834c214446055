import BankCore
import Testing

struct PhoneNumberTests {
    @Test(arguments: [
        "+7 701 123 45 67", "8 (701) 123-45-67", "87011234567", "77011234567", "7011234567", "+77011234567",
        "+7(701)1234567", "  +7 701 123-45-67 ", "8-701-123-45-67",
    ])
    func phone_acceptedInputForms_normaliseToE164(raw: String) throws {
        #expect(try PhoneNumber(raw).value == "+77011234567")
    }

    @Test(arguments: ["700", "701", "702", "703", "704", "705", "706", "707", "708", "747", "771", "775", "776", "777", "778"])
    func phone_withKazakhMobileOperatorCode_isAccepted(operatorCode: String) throws {
        let phone = try PhoneNumber("8 \(operatorCode) 000 11 22")
        #expect(phone.value == "+7\(operatorCode)0001122")
    }

    @Test(arguments: [
        "+7 727 258 00 00",  // Almaty landline
        "8 7172 55 55 55",  // Astana landline
        "+7 916 123 45 67",  // Russian mobile
        "+7 495 123 45 67",  // Moscow landline
        "7091234567",  // unassigned 709
        "+7 772 123 45 67",
    ])
    func phone_notAKazakhMobile_isRejected(raw: String) {
        #expect(throws: IdentifierError.notMobile) { try PhoneNumber(raw) }
    }

    @Test(arguments: ["", "   "])
    func phone_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try PhoneNumber(raw) }
    }

    @Test(arguments: ["+7.701.123.45.67", "+7 701 123 45 67 ext 1", "+7/701/1234567", "+7 701 123 45 6７", "tel:+77011234567"])
    func phone_withForbiddenCharacters_isInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try PhoneNumber(raw) }
    }

    @Test(arguments: ["7+7011234567", "++77011234567", "+7 701 +123 45 67"])
    func phone_withMisplacedPlus_isInvalidFormat(raw: String) {
        #expect(throws: IdentifierError.invalidFormat) { try PhoneNumber(raw) }
    }

    @Test(arguments: ["+44 20 7946 0958", "+8 701 123 45 67", "+1 701 123 4567", "97011234567", "07011234567"])
    func phone_withForeignCountryCode_isInvalidCountry(raw: String) {
        #expect(throws: IdentifierError.invalidCountry) { try PhoneNumber(raw) }
    }

    @Test(arguments: ["+7 701 123 45 6", "+7 701 123 45 678", "701123456", "877011234567", "+", "()", "-", "+7"])
    func phone_withWrongDigitCount_isWrongLength(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try PhoneNumber(raw) }
    }

    @Test func phone_masked_hidesTheMiddleDigits() throws {
        #expect(try PhoneNumber("8 (701) 123-45-67").masked == "+7 701 *** ** 67")
        #expect(try PhoneNumber("7779876543").masked == "+7 777 *** ** 43")
    }

    @Test func phone_equality_usesCanonicalForm() throws {
        #expect(try PhoneNumber("87011234567") == PhoneNumber("+7 701 123 45 67"))
    }
}
