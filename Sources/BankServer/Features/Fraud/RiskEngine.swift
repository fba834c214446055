import BankAPI
import BankCore
import Fluent
import Foundation

/// §2.2.4 location-based fraud checks. With the `fraud_location` consent the device's location is stored (sealed,
/// 30 days) and checked: a move faster than `fraudMaxTravelKmh` since the last location is impossible travel; a
/// country outside the allowed countries of the user's companies is refused territory. Without the consent a
/// location the app sends is ignored and never stored, and the rules fall back to device and IP signals: a new
/// device needs an SMS code at sign-in (SignInService), and a payment signed from another network than the
/// session was opened on raises the risk. Every decision is audited with its reasons (never the coordinates).
struct RiskEngine: Sendable {
    let services: BankServices

    struct Assessment: Sendable, Equatable {
        var reasons: [String]
        var elevated: Bool { !reasons.isEmpty }
    }

    /// `previousIP`: the address the session was opened from (payments); nil at sign-in.
    func assess(
        _ operation: String,
        userID: UUID,
        location: DeviceLocation?,
        ip: String,
        previousIP: String?,
        on database: any Database
    ) async throws -> Assessment {
        var reasons: [String] = []
        var usedLocation = false
        if let location, try await ConsentService(services: services).live(.fraudLocation, userID: userID, on: database) != nil {
            try Self.validate(location)
            usedLocation = true
            reasons += try await locationReasons(location, userID: userID, operation: operation, on: database)
        }
        if !usedLocation, let previousIP, Self.network(of: previousIP) != Self.network(of: ip) {
            reasons.append("network_changed")
        }
        try await AuditLog.record(
            .riskAssessed,
            actor: userID,
            subject: .user(userID),
            details: [
                "operation": operation, "level": reasons.isEmpty ? "normal" : "elevated", "reasons": reasons.joined(separator: ","),
                "signals": usedLocation ? "location" : "device_ip",
            ],
            at: services.clock.now(),
            on: database
        )
        return Assessment(reasons: reasons)
    }

    private func locationReasons(_ location: DeviceLocation, userID: UUID, operation: String, on database: any Database) async throws -> [String] {
        var reasons: [String] = []
        let now = services.clock.now()
        if let last = try await DeviceLocationRecord.query(on: database).filter(\.$userID == userID).sort(\.$at, .descending).first() {
            let previous = try coordinates(of: last)
            let kilometres = Self.distanceKm(previous.latitude, previous.longitude, location.latitude, location.longitude)
            let hours = max(now.timeIntervalSince(last.at) / 3600, 1.0 / 60)  // at least a minute: GPS jitter is not travel
            if kilometres > 50, kilometres / hours > Double(services.security.fraudMaxTravelKmh) { reasons.append("impossible_travel") }
        }
        let memberships = try await Membership.query(on: database).filter(\.$user.$id == userID).with(\.$company).all()
        let allowed = Set(memberships.flatMap { $0.company.allowedCountries.split(separator: ",").map(String.init) })
        // a location without a country (a browser has no geocoder) is checked for travel only
        let country = location.countryCode?.uppercased() ?? ""
        if !allowed.isEmpty, !country.isEmpty, !allowed.contains(country) { reasons.append("country_not_allowed") }
        let record = DeviceLocationRecord()
        let id = UUID()
        record.id = id
        record.userID = userID
        record.at = now
        record.country = country
        record.operation = operation
        record.coordinates = try services.cipher.seal(
            "\(location.latitude),\(location.longitude)",
            with: services.cipher.keys.systemData,
            context: .init(table: DeviceLocationRecord.schema, column: "coordinates", row: id)
        )
        try await record.create(on: database)
        return reasons
    }

    func coordinates(of record: DeviceLocationRecord) throws -> (latitude: Double, longitude: Double) {
        let text = try services.cipher.openString(
            record.coordinates,
            with: services.cipher.keys.systemData,
            context: .init(table: DeviceLocationRecord.schema, column: "coordinates", row: try record.requireID())
        )
        let parts = text.split(separator: ",").compactMap { Double($0) }
        guard parts.count == 2 else { throw BankError.internalError }
        return (parts[0], parts[1])
    }

    static func validate(_ location: DeviceLocation) throws {
        var validator = FieldValidator()
        if !(-90...90).contains(location.latitude) || !location.latitude.isFinite { validator.add("location.latitude", .outOfRange) }
        if !(-180...180).contains(location.longitude) || !location.longitude.isFinite { validator.add("location.longitude", .outOfRange) }
        if let code = location.countryCode, code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            validator.add("location.countryCode", .invalidFormat)
        }
        try validator.throwIfInvalid()
    }

    /// Great-circle distance (haversine), kilometres.
    static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }

    /// The network an address belongs to: its /16 for IPv4, its /48 for IPv6.
    static func network(of ip: String) -> String {
        if ip.contains(":") { return ip.split(separator: ":", omittingEmptySubsequences: false).prefix(3).joined(separator: ":") }
        return ip.split(separator: ".").prefix(2).joined(separator: ".")
    }
}
