import Fluent
import Foundation

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
