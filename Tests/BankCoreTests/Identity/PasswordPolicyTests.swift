import BankCore
import Testing

@Suite("Password rules (NIST SP 800-63B)")
struct PasswordPolicyTests {
    private let policy = PasswordPolicy(commonPasswords: ["password1234", "qwertyuiop12"])

    @Test func twelveCharacters_pass_elevenAreTooShort() {
        #expect(policy.violation(of: "Tulip-Steppe", phoneDigits: nil, iin: nil) == nil)
        #expect(policy.violation(of: "Tulip-Stepp", phoneDigits: nil, iin: nil) == "too_short")
    }

    @Test func moreThan128Characters_areTooLong() {
        #expect(policy.violation(of: String(repeating: "k", count: 128), phoneDigits: nil, iin: nil) == nil)
        #expect(policy.violation(of: String(repeating: "k", count: 129), phoneDigits: nil, iin: nil) == "too_long")
    }

    @Test func thePhoneNumberOrIIN_evenSplitUp_isPersonalData() {
        #expect(policy.violation(of: "my-7011234567!", phoneDigits: "7011234567", iin: nil) == "contains_personal_data")
        #expect(policy.violation(of: "70-11-23-45-67xx", phoneDigits: "7011234567", iin: nil) == "contains_personal_data")
        #expect(policy.violation(of: "pw900115300003x", phoneDigits: nil, iin: "900115300003") == "contains_personal_data")
        #expect(policy.violation(of: "pw900115300003x", phoneDigits: "7011234567", iin: nil) == nil)
    }

    @Test func personalValuesShorterThanSeven_areIgnored() {
        #expect(policy.violation(of: "abc123456defg", phoneDigits: "123456", iin: nil) == nil)
    }

    @Test func aCommonPassword_inAnyCase_isRefused() {
        #expect(policy.violation(of: "PASSWORD1234", phoneDigits: nil, iin: nil) == "too_common")
        #expect(policy.violation(of: "qwertyuiop12", phoneDigits: nil, iin: nil) == "too_common")
        #expect(policy.violation(of: "password1235", phoneDigits: nil, iin: nil) == nil)
    }
}
