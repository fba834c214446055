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

final class SupportMessage: Model, @unchecked Sendable {
    static let schema = "support_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketID: UUID
    /// The message's place in the conversation (1, 2, …): the order does not depend on clock resolution.
    @Field(key: "position") var position: Int
    /// nil: the client wrote it.
    @OptionalField(key: "staff_id") var staffID: UUID?
    @OptionalField(key: "staff_role") var staffRole: String?
    @Field(key: "body") var body: Data
    @Field(key: "at") var at: Date

    init() {}
}

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

struct CreateSupportAndFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupportTicket.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("subject", .data, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(SupportMessage.schema)
            .id()
            .field("ticket_id", .uuid, .required, .references(SupportTicket.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("staff_id", .uuid)
            .field("staff_role", .string)
            .field("body", .data, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(FeedbackEntry.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("topic", .string, .required)
            .field("text", .data, .required)
            .field("rating", .int)
            .field("attachment_id", .uuid)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackEntry.schema).delete()
        try await database.schema(SupportMessage.schema).delete()
        try await database.schema(SupportTicket.schema).delete()
    }
}
