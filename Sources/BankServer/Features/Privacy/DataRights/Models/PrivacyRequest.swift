import Fluent
import Foundation

/// A data subject's request about their personal data (Law 94-V art. 24–25; §4.1), with its legal deadline in
/// working days, worked by the responsible person.
final class PrivacyRequest: Model, @unchecked Sendable {
    static let schema = "privacy_requests"

    enum Kind: String, Codable, CaseIterable, Sendable {
        /// Stop processing (art. 24–25): no sign-in, no notices but security ones, hidden from colleagues.
        case block
        /// Lift a block: only this request or the officer lifts it, never the §5.2 unblock command.
        case unblock
        case destroy
        /// What is held, why and to whom it went (art. 24); answered within `privacyInformationWorkingDays`.
        case information
        /// §4.1: the IIN or a company's name, which need the officer's check (`field`, `companyID`, `newValue`).
        case correction

        /// Information is answered; every other kind is an action on the data.
        var isInformation: Bool { self == .information }
    }

    /// What a `correction` request corrects.
    enum CorrectedField: String, Codable, CaseIterable, Sendable {
        case iin
        case companyName
    }

    enum Status: String, Codable, CaseIterable, Sendable {
        case received
        case completed
        case refused
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Enum(key: "kind") var kind: Kind
    @Enum(key: "status") var status: Status
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "handled_by") var handledBy: UUID?
    @OptionalField(key: "handler_role") var handlerRole: String?
    /// The reasoned refusal (art. 25), written by staff: never the subject's personal data.
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    /// `correction`: the field, the company (for its name), and the new value sealed under the person's own key.
    @OptionalEnum(key: "field") var field: CorrectedField?
    @OptionalField(key: "company_id") var companyID: UUID?
    @OptionalField(key: "new_value") var newValue: Data?

    init() {}
}
