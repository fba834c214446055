import Fluent
import Foundation

/// A staff session: the token is stored only as its SHA-256.
final class StaffSession: Model, @unchecked Sendable {
    static let schema = "staff_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// The last request the session made (review M14: a staff session ends after it sits idle).
    @OptionalField(key: "last_seen_at") var lastSeenAt: Date?

    init() {}
}
