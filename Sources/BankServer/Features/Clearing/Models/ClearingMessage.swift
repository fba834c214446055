import Fluent
import Foundation

/// The clearing outbox: an ISO 20022 pacs.008 message per interbank payment, written in the same transaction
/// that debits the payer to the clearing transit account, so no sent payment lacks its message.
final class ClearingMessage: Model, @unchecked Sendable {
    static let schema = "clearing_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "payment_id") var payment: PaymentOrderRecord
    @Field(key: "message_id") var messageID: String
    @Field(key: "xml") var xml: String
    @Enum(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "return_reason") var returnReason: String?

    init() {}

    enum Status: String, Codable, Sendable {
        case queued, settled, returned
    }
}
