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

/// A staff member read a client's personal data: who (by role), when and why. Shown to the client in the export.
final class StaffDataAccess: Model, @unchecked Sendable {
    static let schema = "staff_data_access"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "staff_role") var staffRole: String
    @Field(key: "reason") var reason: String
    @Field(key: "at") var at: Date

    init() {}
}

struct CreatePrivacyRequestTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PrivacyRequest.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("received_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("handled_by", .uuid)
            .field("handler_role", .string)
            .field("refusal_reason", .string)
            .create()
        try await database.schema(StaffDataAccess.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("staff_id", .uuid, .required)
            .field("staff_role", .string, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffDataAccess.schema).delete()
        try await database.schema(PrivacyRequest.schema).delete()
    }
}
