import Foundation

/// Why an integer grid cell, and not a spatial index: PostGIS, SpatiaLite and R-trees are extensions, and the
/// same search must run on plain SQLite and plain PostgreSQL. A composite `(latitude, longitude)` B-tree is
/// plain, but a box query on it walks the whole latitude band (every branch between the box's two latitudes, at
/// any longitude), which grows with the table. Here every branch stores `cell = row * 3600 + column` on a
/// 0.1° grid (about 11 × 7 km in Kazakhstan) under a B-tree; the cells of one grid row inside a box are one
/// contiguous range of that index, so a box is one range scan per row and reads only the branches in the box,
/// whatever the table's size. The server's search (`BranchSearch`) widens the box until it holds enough branches or
/// reaches the radius, then measures exact great-circle distances and sorts in Swift.
/// No wrap-around at ±180° longitude: the bank's branches are in Kazakhstan.
public enum GeoGrid {
    public static let cellsPerDegree = 10.0
    public static let columns: Int64 = 3600
    public static let rows: Int64 = 1800
    /// The mean Earth radius (IUGG), in metres.
    public static let earthRadiusMetres = 6_371_008.8

    public static func row(_ latitude: Double) -> Int64 {
        min(rows - 1, max(0, Int64(((latitude + 90) * cellsPerDegree).rounded(.down))))
    }

    public static func column(_ longitude: Double) -> Int64 {
        min(columns - 1, max(0, Int64(((longitude + 180) * cellsPerDegree).rounded(.down))))
    }

    public static func cell(latitude: Double, longitude: Double) -> Int64 { row(latitude) * columns + column(longitude) }

    /// The index ranges (inclusive) covering every point within `radiusMetres` of `point`: one per grid row.
    /// The box is the exact bounding box of the spherical cap (latitude ± δ, longitude ± asin(sin δ / cos φ)).
    public static func cellRanges(around point: ApproximatePoint, radiusMetres: Double) -> [ClosedRange<Int64>] {
        let delta = radiusMetres / earthRadiusMetres * 180 / .pi
        let margin = 1e-6
        let south = point.latitude - delta - margin
        let north = point.latitude + delta + margin
        var west = -180.0
        var east = 180.0
        if south > -90, north < 90 {
            let ratio = sin(delta * .pi / 180) / cos(point.latitude * .pi / 180)
            if ratio < 1 {
                let spread = asin(ratio) * 180 / .pi + margin
                west = point.longitude - spread
                east = point.longitude + spread
            }
        }
        let (first, last) = (column(west), column(east))
        return (row(south)...row(north)).map { $0 * columns + first...$0 * columns + last }
    }

    /// Great-circle (haversine) distance in metres.
    public static func distanceMetres(from point: ApproximatePoint, latitude: Double, longitude: Double) -> Double {
        let lat1 = point.latitude * .pi / 180
        let lat2 = latitude * .pi / 180
        let dLat = lat2 - lat1
        let dLon = (longitude - point.longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusMetres * asin(min(1, a.squareRoot()))
    }
}
