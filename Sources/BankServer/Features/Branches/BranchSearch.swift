import BankCore
import Crypto
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// §2.3.1 "branches near me": the nearest branches and ATMs to an approximate point, within a radius, sorted by
/// distance, paginated by a keyset cursor. The endpoint and `bizbank bench branches` both call `nearby`.
///
/// How: read the branches whose grid cells cover a box around the point (`GeoGrid`: an index range scan per grid
/// row, never a full scan), measure great-circle distances in Swift, keep those inside the circle, and if fewer
/// than a page plus one are inside, double the circle and read again, up to the radius. A point outside the
/// current circle is farther than every point inside it, so once a page plus one are inside, they are the
/// nearest. The page is sorted by (distance in millimetres, id) — a total order, so the cursor is stable.
struct BranchSearch: Sendable {
    struct Query: Sendable, Equatable {
        var point: ApproximatePoint
        var radiusKm: Double = 10
        var limit: Int = 20
        var kind: Branch.Kind?
        var openNow = false
        var after: BranchCursor.Position?

        /// A short hash of what the search is, carried in the cursor so a cursor cannot page another search.
        var tag: String {
            let text = "\(point.latitude),\(point.longitude),\(radiusKm),\(kind?.rawValue ?? "*"),\(openNow)"
            return String(SHA256.hash(data: Data(text.utf8)).hexString.prefix(12))
        }
    }

    struct Found: Sendable {
        let branch: Branch
        let distanceMetres: Double
    }

    struct Page: Sendable {
        let items: [Found]
        let next: BranchCursor.Position?
        /// How many boxes were read (index scans) before the page was complete: for the benchmark.
        var boxReads = 1
    }

    /// The first circle: a city block of branches; most searches in a city end here or one doubling later.
    static let firstRadiusKm = 2.0

    func nearby(_ query: Query, at now: Date, on database: any Database) async throws -> Page {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let afterMetres = Double(query.after?.millimetres ?? 0) / 1000
        var radiusKm = min(query.radiusKm, max(Self.firstRadiusKm, afterMetres / 1000))
        var inside: [(position: BranchCursor.Position, distance: Double, row: any SQLRow)]
        var boxReads = 0
        while true {
            boxReads += 1
            let rows = try await Self.candidates(
                GeoGrid.cellRanges(around: query.point, radiusMetres: radiusKm * 1000),
                kind: query.kind,
                on: sql
            ).all()
            inside = []
            for row in rows {
                let latitude = try row.decode(column: "latitude", as: Double.self)
                let longitude = try row.decode(column: "longitude", as: Double.self)
                let distance = GeoGrid.distanceMetres(from: query.point, latitude: latitude, longitude: longitude)
                guard distance <= radiusKm * 1000 else { continue }
                let position = BranchCursor.Position(
                    millimetres: Int64((distance * 1000).rounded()),
                    id: try row.decode(column: "id", as: UUID.self)
                )
                if let after = query.after, position <= after { continue }
                if query.openNow, !BranchHours(stored: try row.decode(column: "hours", as: String.self)).isOpen(at: now) { continue }
                inside.append((position, distance, row))
            }
            if inside.count > query.limit || radiusKm >= query.radiusKm { break }
            radiusKm = min(radiusKm * 2, query.radiusKm)
        }
        inside.sort { $0.position < $1.position }
        let page = inside.prefix(query.limit)
        let items = try page.map { Found(branch: try $0.row.decode(fluentModel: Branch.self), distanceMetres: $0.distance) }
        return Page(items: items, next: inside.count > query.limit ? page.last?.position : nil, boxReads: boxReads)
    }

    /// `SELECT * FROM branches WHERE (cell >= a1 AND cell <= b1) OR … [AND kind = ?]`: one index range per grid row.
    static func candidates(_ ranges: [ClosedRange<Int64>], kind: Branch.Kind?, on sql: any SQLDatabase) -> SQLSelectBuilder {
        let select = sql.select().column("*").from(Branch.schema)
            .where { group in
                for range in ranges {
                    group.orWhere { $0.where("cell", .greaterThanOrEqual, range.lowerBound).where("cell", .lessThanOrEqual, range.upperBound) }
                }
                return group
            }
        if let kind { select.where("kind", .equal, kind.rawValue) }
        return select
    }
}
