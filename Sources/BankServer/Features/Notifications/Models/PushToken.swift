import Fluent
import Foundation

/// The push token of one of the user's devices (APNs or FCM). The token is sealed at rest with the system key and
/// never logged: whoever holds it can send to the phone.
final class PushToken: Model, @unchecked Sendable {
    static let schema = "push_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// One token per device (unique).
    @Field(key: "device_id") var deviceID: UUID

    @Field(key: "platform") var platform: String
    @Field(key: "token") var token: Data
    @Field(key: "registered_at") var registeredAt: Date

    init() {}
}
