import Fluent
import Foundation

/// A signature on a payment order, bound to the content hash it was given on: editing the order voids it.
final class PaymentSignature: Model, @unchecked Sendable {
    static let schema = "payment_signatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "order_id") var order: PaymentOrderRecord
    @Parent(key: "user_id") var user: User
    /// "first" (director) or "second" (accountant).
    @Field(key: "slot") var slot: String
    @Field(key: "content_hash") var contentHash: String
    @Field(key: "signed_at") var signedAt: Date

    init() {}
}
