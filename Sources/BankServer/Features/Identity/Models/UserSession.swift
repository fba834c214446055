import Fluent
import Foundation

/// A signed-in session. Only the SHA-256 of the opaque token is stored.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "device_id") var device: Device

    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "ip") var ip: String
    @Field(key: "user_agent") var userAgent: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoke_reason") var revokeReason: String?

    init() {}
}
