import BankCore
import Vapor

/// Reads `GET /branches/nearby?lat=&lon=&radiusKm=&limit=&openNow=&kind=&cursor=` into a search, reporting every bad
/// parameter at once. The coordinates are rounded to 2 decimals here, as they are parsed (§2.3.1): nothing
/// downstream receives the exact point. Values are never echoed in errors or logs.
enum NearbyRequest {
    static let radiusKm = 0.1...100.0
    static let limits = 1...50

    static func query(from req: Request) throws -> BranchSearch.Query {
        var validator = FieldValidator()
        func number(_ name: String, in range: ClosedRange<Double>, required: Bool) -> Double? {
            guard let raw = req.query[String.self, at: name], !raw.isEmpty else {
                if required { validator.add(name, .required) }
                return nil
            }
            guard raw.count <= 32, let value = Double(raw) else {
                validator.add(name, .invalidValue)
                return nil
            }
            guard value.isFinite, range.contains(value) else {
                validator.add(name, .outOfRange)
                return nil
            }
            return value
        }
        let latitude = number("lat", in: -90...90, required: true)
        let longitude = number("lon", in: -180...180, required: true)
        let point = latitude.flatMap { latitude in longitude.map { ApproximatePoint(latitude: latitude, longitude: $0) } }
        let radius = number("radiusKm", in: radiusKm, required: false) ?? 10
        var limit = 20
        if let raw = req.query[String.self, at: "limit"] {
            if let value = Int(raw), raw.count <= 6 {
                if limits.contains(value) { limit = value } else { validator.add("limit", .outOfRange) }
            } else {
                validator.add("limit", .invalidValue)
            }
        }
        var openNow = false
        if let raw = req.query[String.self, at: "openNow"] {
            switch raw {
            case "true": openNow = true
            case "false": openNow = false
            default: validator.add("openNow", .invalidValue)
            }
        }
        var kind: Branch.Kind?
        if let raw = req.query[String.self, at: "kind"] {
            kind = Branch.Kind(rawValue: raw)
            if kind == nil { validator.add("kind", .invalidValue) }
        }
        try validator.throwIfInvalid()
        guard let point else { throw BankError.malformedRequest }
        var query = BranchSearch.Query(point: point, radiusKm: radius, limit: limit, kind: kind, openNow: openNow)
        if let cursor = req.query[String.self, at: "cursor"] {
            guard let position = BranchCursor.decode(cursor, tag: query.tag) else {
                throw BankError.validation([FieldViolation(field: "cursor", code: .invalidValue)])
            }
            query.after = position
        }
        return query
    }
}
