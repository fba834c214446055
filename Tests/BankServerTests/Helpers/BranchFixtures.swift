import BankAPI
import BankCore
import Foundation

@testable import BankServer

enum BranchFixtures {
    static let weekdays = WeeklyHours(
        mon: "09:00-18:00",
        tue: "09:00-18:00",
        wed: "09:00-18:00",
        thu: "09:00-18:00",
        fri: "09:00-18:00",
        sat: "closed",
        sun: "closed"
    )
    static let allDay = WeeklyHours(ordered: Array(repeating: "00:00-24:00", count: 7))

    static func input(
        code: String = "T-" + Fixtures.digits(6),
        kind: String = "branch",
        latitude: Double,
        longitude: Double,
        hours: WeeklyHours = weekdays,
        services: [String] = ["cash_in", "cash_out"]
    ) -> BranchInput {
        BranchInput(
            code: code,
            kind: kind,
            name: LocalizedName(kk: "\(code) филиалы", ru: "Филиал \(code)", en: "\(code) branch"),
            address: LocalizedName(kk: "Алматы қ., Абай даңғылы", ru: "г. Алматы, пр. Абая", en: "Abay Ave, Almaty"),
            latitude: latitude,
            longitude: longitude,
            openingHours: hours,
            services: services,
            accessibility: ["step_free_entrance"]
        )
    }

    /// The point `metres` from `origin` along `bearing` degrees (great circle), for branches at known distances.
    static func offset(_ origin: (Double, Double), metres: Double, bearing: Double) -> (Double, Double) {
        let delta = metres / GeoGrid.earthRadiusMetres
        let theta = bearing * .pi / 180
        let lat1 = origin.0 * .pi / 180
        let lon1 = origin.1 * .pi / 180
        let lat2 = asin(sin(lat1) * cos(delta) + cos(lat1) * sin(delta) * cos(theta))
        let lon2 = lon1 + atan2(sin(theta) * sin(delta) * cos(lat1), cos(delta) - sin(lat1) * sin(lat2))
        return (lat2 * 180 / .pi, lon2 * 180 / .pi)
    }
}

extension TestHarness {
    /// Creates a branch through the catalog, as staff would.
    @discardableResult
    func branch(_ input: BranchInput) async throws -> Branch {
        try await BranchCatalog(services: services).create(try BranchDraft.validate(input), by: nil, on: db)
    }

    /// Moves the test clock forward to the next `weekday` (0 = Monday) at `hour:minute` Kazakhstan time (UTC+5).
    func setKazakhstanTime(weekday: Int, hour: Int, minute: Int = 0) {
        let now = clock.now().timeIntervalSince1970
        let local = now + 5 * 3600
        let day = (local / 86_400).rounded(.down)
        let mondayOfWeek = day - Double((Int(day) + 3) % 7)
        var target = (mondayOfWeek + Double(weekday)) * 86_400 + Double(hour * 3600 + minute * 60) - 5 * 3600
        if target <= now { target += 7 * 86_400 }
        clock.advance(seconds: target - now)
    }

    func nearby(_ query: String, ip: String = "10.0.0.1", language: String? = nil) async throws -> NearbyBranches {
        let response = try await send(.GET, "/api/v1/branches/nearby?" + query, ip: ip, language: language)
        guard response.status == .ok else { throw TestFailure("nearby answered \(response.status): \(response.body.string)") }
        return try response.content.decode(NearbyBranches.self)
    }
}
