import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Testing

@testable import BankServer

@Suite("Branches and ATMs near me (§2.3.1)")
struct BranchSearchTests {
    /// Abay Ave / Dostyk Ave, Almaty: rounds to itself.
    static let almaty = (43.24, 76.95)

    @Test(arguments: TestDatabase.all)
    func nearby_isSortedByDistance_withinTheRadius_inTheReadersLanguage(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: branches at known distances, in shuffled order
            let distances: [Double] = [12_000, 300, 4_500, 9_800, 2_100, 10_300, 700, 25_000]
            for (index, metres) in distances.enumerated().shuffled() {
                let (latitude, longitude) = BranchFixtures.offset(Self.almaty, metres: metres, bearing: Double(index * 45))
                try await t.branch(BranchFixtures.input(code: "D-\(Int(metres))", latitude: latitude, longitude: longitude))
            }
            // when
            let page = try await t.nearby("lat=43.24&lon=76.95&radiusKm=10", language: "ru")
            // then: only what is inside 10 km, nearest first, each with its distance
            #expect(page.items.map(\.code) == ["D-300", "D-700", "D-2100", "D-4500", "D-9800"])
            #expect(zip(page.items.map(\.distanceMetres), [300, 700, 2_100, 4_500, 9_800]).allSatisfy { abs(($0 ?? 0) - $1) <= 1 })
            #expect(page.language == "ru")
            #expect(page.items.first?.name == "Филиал D-300")
            #expect(page.items.first?.address == "г. Алматы, пр. Абая")
            #expect(page.nextCursor == nil)
            let english = try await t.nearby("lat=43.24&lon=76.95&radiusKm=10&limit=2", language: "en")
            #expect(english.items.map(\.name) == ["D-300 branch", "D-700 branch"])
            #expect(english.nextCursor != nil)
            #expect(try await t.nearby("lat=43.24&lon=76.95&radiusKm=30").items.count == distances.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func nearby_agreesWithMeasuringEveryBranch(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: 300 branches and ATMs scattered around Almaty
            var generator = SplitMix64(seed: 7)
            var all: [(code: String, latitude: Double, longitude: Double, kind: String)] = []
            for index in 0..<300 {
                let latitude = 43.24 + (generator.nextUnit() - 0.5) * 1.6
                let longitude = 76.95 + (generator.nextUnit() - 0.5) * 2.2
                let kind = index % 3 == 0 ? "atm" : "branch"
                all.append(("R-\(index)", latitude, longitude, kind))
                try await t.branch(BranchFixtures.input(code: "R-\(index)", kind: kind, latitude: latitude, longitude: longitude))
            }
            // when / then: every search equals sorting all branches by distance
            for _ in 0..<12 {
                let point = ApproximatePoint(latitude: 43.24 + (generator.nextUnit() - 0.5), longitude: 76.95 + (generator.nextUnit() - 0.5))
                let radius = [3.0, 15, 60][Int(generator.next() % 3)]
                let kind = [nil, "atm"][Int(generator.next() % 2)]
                let expected = all.filter { kind == nil || $0.kind == kind }
                    .map { ($0.code, GeoGrid.distanceMetres(from: point, latitude: $0.latitude, longitude: $0.longitude)) }
                    .filter { $0.1 <= radius * 1000 }.sorted { $0.1 < $1.1 }.prefix(20).map(\.0)
                let query = "lat=\(point.latitude)&lon=\(point.longitude)&radiusKm=\(radius)" + (kind.map { "&kind=\($0)" } ?? "")
                #expect(try await t.nearby(query).items.map(\.code) == expected)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func point_isRounded_soNearbyPointsGetTheSameAnswer_andNoTableHoldsIt(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for metres in [400.0, 1_900, 5_000] {
                let (latitude, longitude) = BranchFixtures.offset(Self.almaty, metres: metres, bearing: 30)
                try await t.branch(BranchFixtures.input(latitude: latitude, longitude: longitude))
            }
            // when: two exact points in the same 0.01° cell
            let first = try await t.send(.GET, "/api/v1/branches/nearby?lat=43.23817&lon=76.94521")
            let second = try await t.send(.GET, "/api/v1/branches/nearby?lat=43.24493&lon=76.95488")
            // then: the same bytes, computed from the rounded point
            #expect(first.status == .ok)
            #expect(first.body.string == second.body.string)
            let page = try first.content.decode(NearbyBranches.self)
            #expect(page.latitude == 43.24 && page.longitude == 76.95)
            #expect(page.items.count == 3)
            // and no table holds either point, exact or rounded; the access log has the path alone
            let exact = ["43.23817", "76.94521", "43.24493", "76.95488"]
            let numbers = [43.23817, 76.94521, 43.24493, 76.95488, 43.24, 76.95]
            var cellsRead = 0
            for table in try await Self.tables(t) {
                for row in try await t.sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        cellsRead += 1
                        if let text = try? row.decode(column: column, as: String?.self) {
                            #expect(!exact.contains { text.contains($0) }, "the point in \(table).\(column)")
                        }
                        if let number = try? row.decode(column: column, as: Double?.self) {
                            #expect(!numbers.contains(number), "the point in \(table).\(column)")
                        }
                    }
                }
            }
            #expect(cellsRead > 100)
            let paths = try await AccessLogEntry.query(on: t.db).all().map(\.path)
            #expect(paths.filter { $0 == "/api/v1/branches/nearby" }.count == 2)
            #expect(paths.allSatisfy { !$0.contains("?") && !$0.contains("43.2") })
        }
    }

    static func tables(_ t: TestHarness) async throws -> [String] {
        let query: SQLQueryString =
            t.sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        let names = try await t.sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
        #expect(names.contains("branches") && names.contains("access_log") && names.contains("rate_limit_counters"))
        return names
    }

    @Test(arguments: TestDatabase.all)
    func openNow_followsTheBankClock_inKazakhstanTime_acrossADayBoundary_andAClosedWeekday(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a weekday branch (closed at weekends) and an ATM open only in the first hours of Friday
            let (latitude, longitude) = BranchFixtures.offset(Self.almaty, metres: 800, bearing: 90)
            try await t.branch(BranchFixtures.input(code: "WEEKDAYS", latitude: latitude, longitude: longitude))
            let night = WeeklyHours(mon: "closed", tue: "closed", wed: "closed", thu: "closed", fri: "00:00-03:00", sat: "closed", sun: "closed")
            try await t.branch(BranchFixtures.input(code: "FRI-NIGHT", kind: "atm", latitude: latitude, longitude: longitude, hours: night))
            func open() async throws -> [String] {
                try await t.nearby("lat=43.24&lon=76.95&openNow=true").items.map(\.code)
            }
            // Thursday 17:59 in Almaty (12:59 UTC): the branch is open
            t.setKazakhstanTime(weekday: 3, hour: 17, minute: 59)
            #expect(try await open() == ["WEEKDAYS"])
            #expect(try await t.nearby("lat=43.24&lon=76.95").items.filter(\.openNow).map(\.code) == ["WEEKDAYS"])
            // 18:00: closed
            t.clock.advance(seconds: 60)
            #expect(try await open() == [])
            // Thursday 20:30 UTC is Friday 01:30 in Almaty: the Friday-night ATM is open, the UTC date notwithstanding
            t.clock.advance(seconds: 7.5 * 3600)
            #expect(try await open() == ["FRI-NIGHT"])
            // Saturday 10:00: inside weekday hours, but Saturday is closed
            t.setKazakhstanTime(weekday: 5, hour: 10)
            #expect(try await open() == [])
            #expect(try await t.nearby("lat=43.24&lon=76.95").items.count == 2)
        }
    }
}
