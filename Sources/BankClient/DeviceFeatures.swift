import BankAPI
import BankCore
import Foundation

/// A point on the map as the device's location service gives it. The SDK never sends it as it is.
public struct Coordinate: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// §2.3.1: approximate coordinates, two decimal places (about 1 km), rounded on the device before anything
    /// leaves it; the server rounds again and stores none.
    public var approximate: Coordinate {
        Coordinate(latitude: (latitude * 100).rounded() / 100, longitude: (longitude * 100).rounded() / 100)
    }
}

/// §2.3: each device feature is used only after its purpose's consent, which the app asks the server for first.
extension BankClient {
    /// Whether the signed-in person has a live consent for the purpose.
    public func hasConsent(_ purpose: ProcessingPurpose) async throws -> Bool {
        let overview = try await send(Endpoints.Privacy.listConsents, options: Options())
        return overview.items.contains { $0.purpose.id == purpose.rawValue && $0.granted }
    }

    /// Throws `.consentRequired` unless the person has consented to the purpose: call it before opening the camera
    /// (`camera_media`), the contact picker (`contacts`), the location service (`branch_search_location`,
    /// `fraud_location`) or the SMS reader (`sms_autofill`).
    public func requireConsent(_ purpose: ProcessingPurpose) async throws {
        guard try await hasConsent(purpose) else { throw BankClientError.consentRequired(purpose: purpose.rawValue) }
    }

    /// Records the person's consent, after the app has shown the purpose's text (`GET /privacy/purposes`).
    @discardableResult
    public func grantConsent(_ purpose: ProcessingPurpose) async throws -> ConsentView {
        try await send(Endpoints.Privacy.grantConsent, body: GrantConsentRequest(purpose: purpose.rawValue))
    }

    @discardableResult
    public func withdrawConsent(_ purpose: ProcessingPurpose) async throws -> [ConsentView] {
        try await send(Endpoints.Privacy.withdrawConsent, purpose.rawValue)
    }

    /// §2.3.1 branches and ATMs near a point: the point is rounded here, on the device, before it is sent.
    public func nearbyBranches(_ point: Coordinate, radiusKm: Double = 10, openNow: Bool = false) async throws -> NearbyBranches {
        let approximate = point.approximate
        var query = [
            URLQueryItem(name: "lat", value: String(approximate.latitude)),
            URLQueryItem(name: "lon", value: String(approximate.longitude)),
            URLQueryItem(name: "radiusKm", value: String(radiusKm)),
        ]
        if openNow { query.append(URLQueryItem(name: "openNow", value: "true")) }
        return try await send(Endpoints.Branches.findNearbyBranches, options: Options(query: query))
    }

    /// §2.2.4: the precise location for a sign-in or a confirmation, or nil when the person has not consented to
    /// `fraud_location` (then nothing about the place is sent).
    public func fraudCheckLocation(_ point: Coordinate, countryCode: String) async throws -> DeviceLocation? {
        guard try await hasConsent(.fraudLocation) else { return nil }
        return DeviceLocation(latitude: point.latitude, longitude: point.longitude, countryCode: countryCode)
    }
}
