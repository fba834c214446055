import BankAPI
import Fluent
import Foundation

/// §4.1: the user corrects their name at any time. The name is re-sealed under the user's own key through
/// `PersonVault`; the audit record says that it changed, never what it was or became.
struct NameChangeService: Sendable {
    let services: BankServices

    /// The same rule as at registration, so a name that could be registered can be corrected to.
    static let maxLength = 200

    func change(_ update: ProfileUpdate, caller: Caller, on database: any Database) async throws -> UserProfile {
        var validator = FieldValidator()
        let fullName = validator.require("fullName", update.fullName, maxLength: Self.maxLength)
        try validator.throwIfInvalid()
        guard let fullName else { throw BankError.internalError }
        let user = try await database.transaction { tx in
            try await PersonChange(services: services).apply(to: caller.userID, audit: .profileNameChanged, on: tx) { $0.fullName = fullName }
        }
        return try await ProfileReader(services: services).profile(of: user, on: database)
    }
}
