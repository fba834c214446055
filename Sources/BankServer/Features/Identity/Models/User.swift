import Fluent
import Foundation

/// A person who uses the app. Every personal field is AES-GCM ciphertext under the person's own key, which lives
/// in the key table (`PersonKey`), not here, and is found through HMAC blind indexes (§5.1).
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Empty: the key moved to `person_keys` (`MovePersonKeysOutOfUsers`); the column stays for older rows' sake.
    @Field(key: "data_key") var dataKey: Data
    @Field(key: "full_name") var fullName: Data
    @Field(key: "iin") var iin: Data
    @Field(key: "iin_index") var iinIndex: String
    @Field(key: "phone") var phone: Data
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "email") var email: Data
    @Field(key: "email_index") var emailIndex: String

    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "status") var status: Status
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "blocked_at") var blockedAt: Date?
    /// §6.2: the newest policy edition this user accepted (0: none).
    @Field(key: "accepted_policy_version") var acceptedPolicyVersion: Int

    init() {}

    enum Status: String, Codable, Sendable, CaseIterable {
        case pending, active, blocked
        /// Law 94-V art. 24–25: processing blocked at the subject's request; no sign-in, no operations.
        case dataBlocked = "data_blocked"
        /// Personal data destroyed (crypto-shredded): the row stays only so financial records keep their links.
        case destroyed
    }
}
