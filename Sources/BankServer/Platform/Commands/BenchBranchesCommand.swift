import BankCore
import Foundation
import SQLKit
import Vapor

/// `bizbank bench branches [--queries N]` (release build, PostgreSQL `DATABASE_URL`, a scratch database): is a
/// nearest-20 search among 100,000 branches as fast as among 1,000 (§2.3.1, goal ≤ 2×)? Replaces the branch list
/// with 1,000 random branches over Kazakhstan (SQL `generate_series`), times N searches at random points through
/// `BranchSearch` (what `GET /branches/nearby` calls, at its widest radius), grows the list to 100,000 and times
/// the same points again.
struct BenchBranchesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "queries", help: "Searches per size (default 3000)") var queries: Int?
    }

    let help = "Times nearest-20 branch searches among 1,000 vs 100,000 branches (replaces the database's branches)."

    /// Kazakhstan's bounding box.
    static let south = 40.6
    static let north = 55.4
    static let west = 46.5
    static let east = 87.3

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard !app.bank.config.isProduction, case .postgres = app.bank.config.database else {
            throw CommandFailure(message: "bench branches needs a scratch PostgreSQL DATABASE_URL and is refused in production")
        }
        let sql = app.db as! any SQLDatabase  // PostgreSQL: always an SQL database
        let count = signature.queries ?? 3000
        var generator = SplitMix64(seed: 2_026_001)
        let points = (0..<count).map { _ in
            ApproximatePoint(
                latitude: Self.south + generator.nextUnit() * (Self.north - Self.south),
                longitude: Self.west + generator.nextUnit() * (Self.east - Self.west)
            )
        }
        try await sql.raw("DELETE FROM branches").run()
        var results: [(label: String, timings: [Double], found: Double, reads: Double)] = []
        for (label, from, to) in [("1k", 1, 1_000), ("100k", 1_001, 100_000)] {
            let started = ContinuousClock.now
            try await Self.insertRandomBranches(from: from, to: to, on: sql)
            try await Self.checkCells(on: sql)
            print("loaded \(label): \(to) branches in \(ContinuousClock.now - started)")
            var timings: [Double] = []
            var found = 0
            var reads = 0
            for (index, point) in (points.prefix(200) + points).enumerated() {
                let query = BranchSearch.Query(point: point, radiusKm: NearbyRequest.radiusKm.upperBound, limit: 20)
                let began = ContinuousClock.now
                let page = try await BranchSearch().nearby(query, at: Date(), on: app.db)
                let elapsed = ContinuousClock.now - began
                guard index >= 200 else { continue }  // the first 200 warm the caches
                found += page.items.count
                reads += page.boxReads
                timings.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            results.append((label, timings, Double(found) / Double(count), Double(reads) / Double(count)))
        }
        try await Self.printPlan(around: points[0], on: sql)
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func p99(_ values: [Double]) -> Double { values.sorted()[min(values.count - 1, values.count * 99 / 100)] }
        for (label, timings, found, reads) in results {
            let numbers = String(
                format: ": median %.3f ms  p99 %.3f ms  (per search: %.1f branches found, %.1f box reads)",
                median(timings),
                p99(timings),
                found,
                reads
            )
            print(label + numbers)
        }
        let (small, large) = (results[0].timings, results[1].timings)
        print(
            String(
                format: "queries=%d  ratio 100k/1k: median %.2f  p99 %.2f  (goal <= 2)",
                count,
                median(large) / median(small),
                p99(large) / p99(small)
            )
        )
    }

    /// Bulk insert in one statement; the cell uses `GeoGrid`'s formula, checked against Swift by `checkCells`.
    static func insertRandomBranches(from first: Int, to last: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO branches (id, created_at, updated_at, code, kind, name_kk, name_ru, name_en, address_kk, address_ru, address_en,
                                  latitude, longitude, cell, hours, services, accessibility)
            SELECT gen_random_uuid(), now(), now(), 'BENCH-' || n, CASE WHEN n % 3 = 0 THEN 'branch' ELSE 'atm' END,
                   'Bench ' || n, 'Bench ' || n, 'Bench ' || n, 'Address ' || n, 'Address ' || n, 'Address ' || n,
                   lat, lon, floor((lat + 90) * 10)::bigint * 3600 + floor((lon + 180) * 10)::bigint,
                   '09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,10:00-15:00,closed', 'cash_in cash_out', ''
            FROM (SELECT n, \(bind: south) + random() * \(bind: north - south) AS lat, \(bind: west) + random() * \(bind: east - west) AS lon
                  FROM generate_series(\(bind: first), \(bind: last)) AS n) AS points
            """
        ).run()
        try await sql.raw("ANALYZE branches").run()
    }

    /// The SQL cell formula must agree with `GeoGrid.cell`, or the search would miss branches.
    static func checkCells(on sql: any SQLDatabase) async throws {
        for row in try await sql.raw("SELECT latitude, longitude, cell FROM branches ORDER BY random() LIMIT 500").all() {
            let latitude = try row.decode(column: "latitude", as: Double.self)
            let longitude = try row.decode(column: "longitude", as: Double.self)
            guard try row.decode(column: "cell", as: Int64.self) == GeoGrid.cell(latitude: latitude, longitude: longitude) else {
                throw CommandFailure(message: "the SQL cell formula disagrees with GeoGrid.cell")
            }
        }
    }

    /// Shows that the search reads the cell index (no sequential scan) at the widest radius.
    static func printPlan(around point: ApproximatePoint, on sql: any SQLDatabase) async throws {
        let select = BranchSearch.candidates(GeoGrid.cellRanges(around: point, radiusMetres: 32_000), kind: nil, on: sql)
        let plan = try await sql.raw("EXPLAIN \(select.query)").all()
        print("plan of one 32 km box among 100k:")
        for row in plan { print("  " + ((try? row.decode(column: "QUERY PLAN", as: String.self)) ?? "")) }
    }
}

/// A small seeded generator, so every run queries the same points.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
