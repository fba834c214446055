import Fluent
import Foundation

/// §2.2.4: a location the device reported at sign-in or payment confirmation, kept only with the
/// `fraud_location` consent and only for its retention period (30 days, the purposes register). The coordinates
/// are sealed; the country code is kept in the clear for the allowed-countries rule.
final class DeviceLocationRecord: Model, @unchecked Sendable {
    static let schema = "device_locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "at") var at: Date
    /// "lat,lon" sealed with the system data key, bound to this row.
    @Field(key: "coordinates") var coordinates: Data
    /// ISO 3166-1 alpha-2, or empty when the device sent none (a browser has no geocoder).
    @Field(key: "country") var country: String
    @Field(key: "operation") var operation: String

    init() {}
}
