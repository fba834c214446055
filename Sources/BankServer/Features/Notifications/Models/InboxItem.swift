import Fluent
import Foundation

/// One entry of a user's in-app inbox (§2.2.3): what a notification said, kept as its template key and sealed
/// parameters so it is shown in the reader's language; read or unread.
final class InboxItem: Model, @unchecked Sendable {
    static let schema = "inbox_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID

    @Field(key: "category") var category: String
    @Field(key: "template_key") var templateKey: String
    /// The parameters as JSON, sealed with the system key: they can hold a device name, a payee, an amount.
    @Field(key: "parameters") var parameters: Data
    @OptionalField(key: "content_id") var contentID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}
