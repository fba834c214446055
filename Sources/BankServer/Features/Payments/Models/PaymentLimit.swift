import Fluent
import Foundation

/// A spending limit set by the company's director: per payment and per day, for the whole company
/// (`user` nil) or for one employee (issue 3; DOMAIN.md: daily spending limits per employee).
final class PaymentLimit: Model, @unchecked Sendable {
    static let schema = "payment_limits"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "currency") var currency: String
    @OptionalField(key: "per_payment") var perPayment: Int64?
    @OptionalField(key: "daily") var daily: Int64?

    init() {}
}
