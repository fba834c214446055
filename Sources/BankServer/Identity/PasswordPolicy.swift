import Foundation

/// Password rules (NIST SP 800-63B): at least 12 characters, not containing the phone number or IIN,
/// not in the bundled list of common passwords.
struct PasswordPolicy: Sendable {
    let minimumLength = 12
    let maximumLength = 128
    let commonPasswords: Set<String>

    static func bundled() throws -> PasswordPolicy {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources") else {
            throw PolicyError.missingList
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let entries = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return PasswordPolicy(commonPasswords: Set(entries.filter { !$0.isEmpty }))
    }

    /// The field error code for the first rule the password breaks, or nil if it passes.
    /// `phoneDigits` is the national number (e.g. 7011234567); `iin` the 12 digits.
    func violation(of password: String, phoneDigits: String?, iin: String?) -> String? {
        if password.count < minimumLength { return "too_short" }
        if password.count > maximumLength { return "too_long" }
        let digitsOnly = password.filter(\.isNumber)
        for personal in [phoneDigits, iin].compactMap({ $0 }) where personal.count >= 7 {
            if password.contains(personal) || digitsOnly.contains(personal) { return "contains_personal_data" }
        }
        if commonPasswords.contains(password.lowercased()) { return "too_common" }
        return nil
    }

    enum PolicyError: Error { case missingList }
}
