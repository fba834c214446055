import Foundation

/// What an audit record is about: a kind and its id (`payment:<uuid>`), or a whole register. The stored text is the
/// same as it always was; the type only stops a record from inventing a kind.
struct AuditSubject: Sendable, CustomStringConvertible {
    let description: String

    private init(_ kind: String, _ id: some CustomStringConvertible) { description = "\(kind):\(id)" }
    private init(register: String) { description = register }

    static func user(_ id: UUID) -> Self { .init("user", id) }
    static func staff(_ id: UUID) -> Self { .init("staff", id) }
    static func company(_ id: UUID) -> Self { .init("company", id) }
    static func session(_ id: UUID) -> Self { .init("session", id) }
    static func device(_ id: UUID) -> Self { .init("device", id) }
    static func invitation(_ id: UUID) -> Self { .init("invitation", id) }
    static func payment(_ id: UUID) -> Self { .init("payment", id) }
    static func payroll(_ id: UUID) -> Self { .init("payroll", id) }
    static func document(_ id: UUID) -> Self { .init("document", id) }
    static func consent(_ id: UUID) -> Self { .init("consent", id) }
    static func privacyRequest(_ id: UUID) -> Self { .init("privacy_request", id) }
    static func breach(_ id: UUID) -> Self { .init("breach", id) }
    static func ticket(_ id: UUID) -> Self { .init("ticket", id) }
    static func content(_ id: UUID) -> Self { .init("content", id) }
    static func branch(_ id: UUID) -> Self { .init("branch", id) }
    /// A policy edition, by its version number.
    static func policy(_ version: Int) -> Self { .init("policy", version) }

    /// The disclosure register as a whole (a staff read of it, §3).
    static let disclosures = Self(register: "disclosures")
    /// A marketing offer that is not kept as content.
    static let offer = Self(register: "offer")
    /// The branch directory as a whole (an import).
    static let branches = Self(register: "branches")
}
