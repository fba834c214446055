import Fluent
import Foundation

/// §1.1 feedback forms: topic, text, optional rating.
final class FeedbackEntry: Model, @unchecked Sendable {
    static let schema = "feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "topic") var topic: String
    @Field(key: "text") var text: Data
    @OptionalField(key: "rating") var rating: Int?
    /// An optional attachment: a document the same person uploaded (§2.3.2).
    @OptionalField(key: "attachment_id") var attachmentID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
