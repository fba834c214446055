import Fluent
import Foundation

/// A one-time nonce for device-key sign-in. `device` is nil for a decoy issued to an unknown phone or
/// device, so the answer never tells whether they exist.
final class DeviceKeyChallenge: Model, @unchecked Sendable {
    static let schema = "device_key_challenges"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "device_id") var device: Device?
    @Field(key: "nonce") var nonce: Data
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}
