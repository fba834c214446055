import Fluent
import Foundation

/// Something the bank's fraud/security staff must look at, e.g. a §5.2 report of unauthorised use.
final class SecurityAlert: Model, @unchecked Sendable {
    static let schema = "security_alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Parent(key: "user_id") var user: User
    @Field(key: "channel") var channel: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "handled_at") var handledAt: Date?
    /// The staff member (fraud team) who handled it.
    @OptionalField(key: "handled_by") var handledBy: UUID?

    init() {}
}
