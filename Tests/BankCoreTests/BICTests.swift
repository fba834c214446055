import BankCore
import Testing

struct BICTests {
    @Test(arguments: [
        ("KKMFKZ2A", true), ("HSBKKZKX", true), ("CASPKZKA", true), ("KCJBKZKX", true), ("IRTYKZKA", true),
        ("DEUTDEFF", false), ("DEUTDEFF500", false), ("CITIUS33XXX", false),
    ])
    func bic_knownValid_isAccepted(raw: String, isKazakh: Bool) throws {
        let bic = try BIC(raw)
        #expect(bic.value == raw)
        #expect(bic.isKazakh == isKazakh)
    }

    @Test(arguments: [("hsbkkzkx", "HSBKKZKX"), (" Caspkzka ", "CASPKZKA"), ("deutdeff500", "DEUTDEFF500")])
    func bic_inLowerCaseOrPadded_isCanonicalised(raw: String, canonical: String) throws {
        #expect(try BIC(raw).value == canonical)
    }

    @Test func treasury_isTheBudgetBIC() throws {
        #expect(BIC.treasury.value == "KKMFKZ2A")
        #expect(BIC.treasury.isKazakh)
        #expect(try BIC("kkmfkz2a") == BIC.treasury)
    }

    @Test(arguments: ["", "  "])
    func bic_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try BIC(raw) }
    }

    @Test(arguments: ["HSBK-KZKX", "HSBK KZKX", "HSBKKZK_", "НSBKKZKX"])
    func bic_withNonAlphanumerics_isInvalidCharacters(raw: String) {
        #expect(throws: IdentifierError.invalidCharacters) { try BIC(raw) }
    }

    @Test(arguments: ["HSBKKZK", "HSBKKZKX1", "HSBKKZKX12", "HSBKKZKX1234", "K"])
    func bic_notEightOrElevenCharacters_isWrongLength(raw: String) {
        #expect(throws: IdentifierError.wrongLength) { try BIC(raw) }
    }

    @Test(arguments: ["HSB1KZKX", "1SBKKZKX", "1234KZKX"])
    func bic_withDigitInBankCode_isInvalidFormat(raw: String) {
        #expect(throws: IdentifierError.invalidFormat) { try BIC(raw) }
    }

    @Test(arguments: ["HSBK1ZKX", "HSBKK2KX", "HSBK77KX"])
    func bic_withDigitInCountryCode_isInvalidCountry(raw: String) {
        #expect(throws: IdentifierError.invalidCountry) { try BIC(raw) }
    }
}
