import Fluent
import Foundation

/// The SMS outbox: a message is written in the same transaction as the change that caused it, then
/// delivered by the dispatcher, so nothing is lost and nothing is sent twice.
final class SMSMessage: Model, @unchecked Sendable {
    static let schema = "sms_outbox"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    /// Recipient and text are sealed with the system key: they hold phone numbers and codes.
    @Field(key: "recipient") var recipient: Data
    @Field(key: "body") var body: Data
    @Field(key: "category") var category: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?

    init() {}

    enum Status: String, Codable, Sendable {
        case pending, sending, sent, failed
    }
}
