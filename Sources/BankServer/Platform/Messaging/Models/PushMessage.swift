import Fluent
import Foundation

/// The push outbox, mirroring `SMSMessage`: one row per device, written in the caller's transaction and
/// delivered by `PushDispatcher` to the device's current token.
final class PushMessage: Model, @unchecked Sendable {
    static let schema = "push_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "device_id") var deviceID: UUID
    /// Title and body sealed with the system key: they can name payees and amounts.
    @Field(key: "title") var title: Data
    @Field(key: "body") var body: Data
    @Field(key: "category") var category: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?

    init() {}

    typealias Status = SMSMessage.Status
}
