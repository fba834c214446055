import Fluent
import Foundation

/// A data subject's request to block or destroy their personal data (Law 94-V art. 24–25), with its legal
/// deadline in working days, worked by the responsible person.
final class PrivacyRequest: Model, @unchecked Sendable {
    static let schema = "privacy_requests"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case block
        case destroy
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

    init() {}
}
