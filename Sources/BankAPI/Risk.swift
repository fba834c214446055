import Foundation

/// §2.2.4: the device's location, sent with sign-in and payment confirmation only when the user has granted the
/// `fraud_location` consent. `countryCode` is the ISO 3166-1 alpha-2 code the phone's own geocoder gives; a browser
/// has no geocoder, so the web bank sends none, and then only the impossible-travel rule applies.
public struct DeviceLocation: Codable, Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double
    public var countryCode: String?

    public init(latitude: Double, longitude: Double, countryCode: String?) {
        self.latitude = latitude
        self.longitude = longitude
        self.countryCode = countryCode
    }
}

/// The optional body of `POST /payments/{id}/sign`.
public struct SignPaymentRequest: Codable, Sendable {
    public var location: DeviceLocation?

    public init(location: DeviceLocation? = nil) {
        self.location = location
    }
}

/// A company's fraud settings: the countries its people may operate from (§2.2.4).
public struct CompanySecuritySettings: Codable, Sendable, Equatable {
    public var allowedCountries: [String]

    public init(allowedCountries: [String]) {
        self.allowedCountries = allowedCountries
    }
}
