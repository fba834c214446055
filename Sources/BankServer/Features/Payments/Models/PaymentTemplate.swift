import Fluent
import Foundation

/// A payment template: a whole order (as the client fills it in) saved under a name (§2.3.2).
final class PaymentTemplate: Model, @unchecked Sendable {
    static let schema = "payment_templates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Field(key: "name") var name: String
    /// The `PaymentOrderInput` as JSON.
    @Field(key: "order") var order: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
