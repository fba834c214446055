import Fluent
import Foundation

/// An app installation a person signed in from (§2.3.3). Trusted after an SMS code; may hold a
/// P-256 public key whose private half lives behind the phone's biometrics (§1.1).
final class Device: Model, @unchecked Sendable {
    static let schema = "devices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User

    @Field(key: "installation_id") var installationID: String
    @Field(key: "name") var name: String
    @Field(key: "platform") var platform: String
    @Field(key: "app_version") var appVersion: String
    @Field(key: "first_seen_at") var firstSeenAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "trusted_at") var trustedAt: Date?
    /// X9.63 uncompressed P-256 public key.
    @OptionalField(key: "public_key") var publicKey: Data?
    @OptionalField(key: "key_enrolled_at") var keyEnrolledAt: Date?

    init() {}
}
