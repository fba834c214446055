import Fluent
import Foundation

/// Proof that a person accepted an edition (§6.2): which edition, when, from which IP and device.
final class PolicyAcceptance: Model, @unchecked Sendable {
    static let schema = "policy_acceptances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "edition_id") var edition: PolicyEdition
    @Field(key: "accepted_at") var acceptedAt: Date
    @Field(key: "ip") var ip: String
    @Field(key: "device_installation_id") var deviceInstallationID: String
    @Field(key: "user_agent") var userAgent: String

    init() {}
}
