import Fluent
import Foundation

/// §4.1: one change to a person's own data (name, e-mail, phone), inside the caller's transaction: the person is
/// opened, `change` edits it, it is sealed back and the user saved; `effects` (notices, revoked sessions) run next,
/// and the change is audited last. `NameChangeService`, `EmailChangeService` and `PhoneChangeService` share it.
struct PersonChange {
    let services: BankServices

    /// Returns the saved user. `effects` gets the user and the person as it was before the change.
    func apply(
        to userID: UUID,
        audit event: AuditEvent,
        on tx: any Database,
        _ change: (inout Person) throws -> Void,
        effects: (User, _ before: Person) async throws -> Void = { _, _ in }
    ) async throws -> User {
        let vault = services.vault
        guard let user = try await User.find(userID, on: tx) else { throw BankError.notFound }
        let before = try await vault.open(user, on: tx)
        var person = before
        try change(&person)
        try await vault.update(user, with: person, on: tx)
        try await user.save(on: tx)
        try await effects(user, before)
        try await AuditLog.record(event, actor: userID, subject: .user(userID), at: services.clock.now(), on: tx)
        return user
    }
}
