import BankCore
import Testing

struct EmailAddressTests {
    @Test(arguments: [
        ("a@example.kz", "a@example.kz"),
        ("Ivan.Petrov@Bank.KZ", "Ivan.Petrov@bank.kz"),
        ("  user+tag@mail.example.com\n", "user+tag@mail.example.com"),
        ("o'brien@example.org", "o'brien@example.org"),
        ("x@sub-domain.example.kz", "x@sub-domain.example.kz"),
        ("first_last-1@a1.b2.kz", "first_last-1@a1.b2.kz"),
        ("{weird}=ok!#$%&*/?^`|~@x.io", "{weird}=ok!#$%&*/?^`|~@x.io"),
    ])
    func email_valid_isTrimmedWithLowerCaseDomain(raw: String, expected: String) throws {
        #expect(try EmailAddress(raw).value == expected)
    }

    @Test func email_atLengthLimits_isAccepted() throws {
        // RFC 5321: local part 64 octets; whole address 254 octets; DNS label 63 octets.
        let local = String(repeating: "a", count: 64)
        #expect(try EmailAddress("\(local)@example.kz").value.count == 75)
        let label = String(repeating: "b", count: 63)
        let domain = [label, label, label, String(repeating: "c", count: 60)].joined(separator: ".")
        let address = "a@" + domain
        #expect(address.utf8.count == 254)
        #expect(try EmailAddress(address).value == address)
    }

    @Test(arguments: ["", "   ", "\n"])
    func email_blank_isEmpty(raw: String) {
        #expect(throws: IdentifierError.empty) { try EmailAddress(raw) }
    }

    @Test(arguments: [
        "plainaddress", "a@b@example.kz", "@example.kz", "a@", "a@example", "a@.example.kz", "a@example.kz.",
        "a@-example.kz", "a@example-.kz", "a@exa_mple.kz", "a b@example.kz", "a@exa mple.kz", "a@example..kz",
        ".a@example.kz", "a.@example.kz", "a..b@example.kz", "\"quoted\"@example.kz", "иван@example.kz",
        "a@пример.kz", "a@example.kz\u{0000}", "a(b)@example.kz",
    ])
    func email_malformed_isInvalidFormat(raw: String) {
        #expect(throws: IdentifierError.invalidFormat) { try EmailAddress(raw) }
    }

    @Test func email_overLengthLimits_isInvalidFormat() {
        let local = String(repeating: "a", count: 65)
        #expect(throws: IdentifierError.invalidFormat) { try EmailAddress("\(local)@example.kz") }
        let label = String(repeating: "b", count: 64)
        #expect(throws: IdentifierError.invalidFormat) { try EmailAddress("a@\(label).kz") }
        let longLabel = String(repeating: "b", count: 63)
        let domain = [longLabel, longLabel, longLabel, String(repeating: "c", count: 61)].joined(separator: ".")
        #expect(("a@" + domain).utf8.count == 255)
        #expect(throws: IdentifierError.invalidFormat) { try EmailAddress("a@" + domain) }
    }

    @Test(arguments: [("anna@example.kz", "a***@example.kz"), ("b@Example.KZ", "b***@example.kz")])
    func email_masked_keepsFirstCharacterAndDomain(raw: String, expected: String) throws {
        #expect(try EmailAddress(raw).masked == expected)
    }

    @Test func email_equality_ignoresDomainCaseButNotLocalCase() throws {
        #expect(try EmailAddress("Anna@EXAMPLE.kz") == EmailAddress("Anna@example.KZ"))
        #expect(try EmailAddress("Anna@example.kz") != EmailAddress("anna@example.kz"))
    }
}
