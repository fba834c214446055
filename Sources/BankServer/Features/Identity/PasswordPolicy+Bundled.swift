import BankCore
import Foundation

extension PasswordPolicy {
    /// The policy with the bundled list of common passwords, one a line (the rules themselves are `PasswordPolicy`, BankCore).
    static func bundled() throws -> PasswordPolicy {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources") else {
            throw PolicyError.missingList
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let entries = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return PasswordPolicy(commonPasswords: Set(entries.filter { !$0.isEmpty }))
    }

    enum PolicyError: Error { case missingList }
}
