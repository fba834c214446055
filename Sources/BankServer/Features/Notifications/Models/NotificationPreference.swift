import Fluent
import Foundation

/// A user's choice of channels per category (§2.2.3, §2.2.8). No row: the defaults (`NotificationPreferences`).
final class NotificationPreference: Model, @unchecked Sendable {
    static let schema = "notification_preferences"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID

    /// Comma-separated channel names (`NotificationChannel`).
    @Field(key: "operational_channels") var operationalChannels: String
    @Field(key: "marketing_channels") var marketingChannels: String
    @OptionalField(key: "language") var language: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
