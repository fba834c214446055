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
        let vault = services.vault
        let user = try await database.transaction { tx in
            guard let user = try await User.find(caller.userID, on: tx) else { throw BankError.notFound }
            var person = try await vault.open(user, on: tx)
            person.fullName = fullName
            try await vault.update(user, with: person, on: tx)
            try await user.save(on: tx)
            try await AuditLog.record(
                .profileNameChanged,
                actor: caller.userID,
                subject: .user(caller.userID),
                at: services.clock.now(),
                on: tx
            )
            return user
        }
        return try await ProfileReader(services: services).profile(of: user, on: database)
    }
}
