import Fluent
import Foundation

/// The e-mail outbox, mirroring `SMSMessage`: written in the same transaction as the change that caused it,
/// then delivered by `EmailDispatcher`, so nothing is lost and nothing is sent twice.
final class EmailMessage: Model, @unchecked Sendable {
    static let schema = "email_outbox"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    /// Recipient and body are sealed with the system key: they hold an address and codes. The subject is a fixed text.
    @Field(key: "recipient") var recipient: Data
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: Data
    @Field(key: "category") var category: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?

    init() {}

    /// The same delivery states as an SMS: pending → sending (claimed) → sent, or failed after the last retry.
    typealias Status = SMSMessage.Status
}
