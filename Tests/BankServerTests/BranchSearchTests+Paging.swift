import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Testing

@testable import BankServer

@Suite("Branch search: pages, errors, limits, the index (§2.3.1)")
struct BranchPagingTests {
    @Test(arguments: TestDatabase.all)
    func pagination_byCursor_coversEveryResultExactlyOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: 23 branches, three of them at one spot (equal distances are ordered by id)
            var codes: Set<String> = []
            for index in 0..<23 {
                let metres = index < 3 ? 1_500 : Double(index) * 350
                let (latitude, longitude) = BranchFixtures.offset(
                    BranchSearchTests.almaty,
                    metres: metres,
                    bearing: index < 3 ? 10 : Double(index * 37)
                )
                try await t.branch(BranchFixtures.input(code: "P-\(index)", latitude: latitude, longitude: longitude))
                codes.insert("P-\(index)")
            }
            // when: pages of 5
            var seen: [String] = []
            var distances: [Int] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await t.nearby("lat=43.24&lon=76.95&limit=5" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page.items.map(\.code)
                distances += page.items.compactMap(\.distanceMetres)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 10
            // then
            #expect(pages == 5)
            #expect(seen.count == 23)
            #expect(Set(seen) == codes)
            #expect(distances == distances.sorted())
            // a cursor pages only the search it came from, and a made-up one is refused
            let first = try await t.nearby("lat=43.24&lon=76.95&limit=5")
            let other = try await t.send(.GET, "/api/v1/branches/nearby?lat=43.25&lon=76.95&limit=5&cursor=\(first.nextCursor ?? "")")
            #expect(try t.problem(other).errors?.map(\.field) == ["cursor"])
            let garbage = try await t.send(.GET, "/api/v1/branches/nearby?lat=43.24&lon=76.95&cursor=not-a-cursor")
            #expect(try t.problem(garbage).errors?.first?.code == "invalid_value")
            // the same cursor gives the same page (stable)
            let again = try await t.nearby("lat=43.24&lon=76.95&limit=5&cursor=\(first.nextCursor ?? "")")
            let once = try await t.nearby("lat=43.24&lon=76.95&limit=5&cursor=\(first.nextCursor ?? "")")
            #expect(again == once)
            #expect(again.items.map(\.code) == Array(seen[5..<10]))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badParameters_getAnErrorPerField(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let bad = try await t.send(.GET, "/api/v1/branches/nearby?lat=north&lon=200&radiusKm=0&limit=500&openNow=maybe&kind=bank")
            #expect(bad.status == .unprocessableEntity)
            let errors = try t.problem(bad).errors ?? []
            #expect(errors.map(\.field) == ["lat", "lon", "radiusKm", "limit", "openNow", "kind"])
            #expect(errors.map(\.code) == ["invalid_value", "out_of_range", "out_of_range", "out_of_range", "invalid_value", "invalid_value"])
            #expect(!bad.body.string.contains("north") && !bad.body.string.contains("200"))
            let missing = try await t.send(.GET, "/api/v1/branches/nearby?radiusKm=101&limit=0", language: "ru")
            let problem = try t.problem(missing)
            #expect(problem.errors?.map(\.field) == ["lat", "lon", "radiusKm", "limit"])
            #expect(problem.errors?.map(\.code) == ["required", "required", "out_of_range", "out_of_range"])
            #expect(problem.errors?.last?.message == "Значение вне допустимого диапазона.")
            let nan = try await t.send(.GET, "/api/v1/branches/nearby?lat=nan&lon=-inf&limit=ten")
            #expect(try t.problem(nan).errors?.map(\.code) == ["out_of_range", "out_of_range", "invalid_value"])
            #expect(try await t.send(.GET, "/api/v1/branches/not-a-uuid").status == .badRequest)
            #expect(try await t.send(.GET, "/api/v1/branches/\(UUID())").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func search_worksWithoutSignIn_andIsRateLimitedPerIP(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for _ in 0..<BranchesController.perIP.limit {
                try await t.send(.GET, "/api/v1/branches/nearby?lat=43.24&lon=76.95", ip: "192.0.2.7").requireStatus(.ok)
            }
            let limited = try await t.send(.GET, "/api/v1/branches/nearby?lat=43.24&lon=76.95", ip: "192.0.2.7")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            #expect(try await t.send(.GET, "/api/v1/branches/\(UUID())", ip: "192.0.2.7").status == .tooManyRequests)
            try await t.send(.GET, "/api/v1/branches/nearby?lat=43.24&lon=76.95", ip: "192.0.2.8").requireStatus(.ok)
        }
    }

    /// Both databases answer the search from the cell index, never by reading the whole table.
    @Test(arguments: TestDatabase.all)
    func search_readsTheCellIndex_notTheWholeTable(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let ranges = GeoGrid.cellRanges(around: ApproximatePoint(latitude: 43.24, longitude: 76.95), radiusMetres: 20_000)
            #expect(ranges.count == 5)
            let plan: String
            if t.sql.dialect.name == "sqlite" {
                let select = BranchSearch.candidates(ranges, kind: .atm, on: t.sql)
                plan = try await t.sql.raw("EXPLAIN QUERY PLAN \(select.query)").all()
                    .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
                #expect(plan.contains("USING INDEX branches_cell_idx"), "\(plan)")
                #expect(!plan.contains("SCAN branches"), "\(plan)")
            } else {
                // PostgreSQL picks a sequential scan for a tiny table; forbidding it shows the index serves the query
                plan = try await t.db.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    let select = BranchSearch.candidates(ranges, kind: .atm, on: sql)
                    return try await sql.raw("EXPLAIN \(select.query)").all()
                        .map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                }
                #expect(plan.contains("branches_cell_idx"), "\(plan)")
                #expect(!plan.contains("Seq Scan"), "\(plan)")
            }
        }
    }

    @Test
    func cellRanges_coverTheCircle_oneRangePerGridRow() {
        let point = ApproximatePoint(latitude: 51.13, longitude: 71.43)
        let ranges = GeoGrid.cellRanges(around: point, radiusMetres: 10_000)
        for bearing in stride(from: 0.0, to: 360, by: 5) {
            let (latitude, longitude) = BranchFixtures.offset((51.13, 71.43), metres: 9_999, bearing: bearing)
            let cell = GeoGrid.cell(latitude: latitude, longitude: longitude)
            #expect(ranges.contains { $0.contains(cell) }, "bearing \(bearing)")
        }
        #expect(Set(ranges.map { $0.lowerBound / GeoGrid.columns }).count == ranges.count)
    }
}
