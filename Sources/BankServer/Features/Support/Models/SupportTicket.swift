import Fluent
import Foundation

/// A support conversation (§2.2.7). What the user writes is personal data: subject and messages are sealed,
/// appear in the export, are destroyed with the person and are purged 5 years after closing (purposes register).
final class SupportTicket: Model, @unchecked Sendable {
    static let schema = "support_tickets"

    enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for the bank.
        case open
        /// The bank answered; waiting for the client.
        case answered
        case closed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "subject") var subject: Data
    @Enum(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}
