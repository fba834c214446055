import Fluent
import Foundation

final class PayrollSignature: Model, @unchecked Sendable {
    static let schema = "payroll_signatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "payroll_id") var payroll: Payroll
    @Parent(key: "user_id") var user: User
    @Field(key: "slot") var slot: String
    @Field(key: "signed_at") var signedAt: Date

    init() {}
}
