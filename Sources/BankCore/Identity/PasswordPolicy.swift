import Foundation

/// Password rules (NIST SP 800-63B): at least 12 characters, not containing the phone number or IIN,
/// not in the bundled list of common passwords.
public struct PasswordPolicy: Sendable {
    public let minimumLength = 12
    public let maximumLength = 128
    /// Lowercased; a password is compared case-insensitively.
    public let commonPasswords: Set<String>

    public init(commonPasswords: Set<String>) {
        self.commonPasswords = commonPasswords
    }

    /// The field error code for the first rule the password breaks, or nil if it passes.
    /// `phoneDigits` is the national number (e.g. 7011234567); `iin` the 12 digits.
    public func violation(of password: String, phoneDigits: String?, iin: String?) -> String? {
        if password.count < minimumLength { return "too_short" }
        if password.count > maximumLength { return "too_long" }
        let digitsOnly = password.filter(\.isNumber)
        for personal in [phoneDigits, iin].compactMap({ $0 }) where personal.count >= 7 {
            if password.contains(personal) || digitsOnly.contains(personal) { return "contains_personal_data" }
        }
        if commonPasswords.contains(password.lowercased()) { return "too_common" }
        return nil
    }
}
