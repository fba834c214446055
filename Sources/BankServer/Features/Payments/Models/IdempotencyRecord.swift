import Fluent
import Foundation

/// The first answer to a state-changing request with an `Idempotency-Key`, so a retry gets the same answer
/// and money moves once; the answer is sealed with the system key. Scoped to the user; `requestHash` catches the same key reused for another body.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    @Field(key: "request_hash") var requestHash: String
    @Field(key: "state") var state: String
    @OptionalField(key: "response_status") var responseStatus: Int?
    @OptionalField(key: "response_body") var responseBody: Data?
    @Field(key: "created_at") var createdAt: Date
    /// While `in_progress`: until when its owner holds it; after that a retry may reclaim it (issue 10).
    @OptionalField(key: "lease_until") var leaseUntil: Date?

    init() {}
}
