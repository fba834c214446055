/// The point a nearby search is made from (§2.3.1 "approximate coordinates"): rounded to 2 decimals (about 1 km)
/// the moment it is parsed, so nothing after the parser — the search, the cursor, a log line — ever sees more.
/// The exact coordinates are never stored; neither is this point.
public struct ApproximatePoint: Sendable, Equatable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = Self.round(latitude)
        self.longitude = Self.round(longitude)
    }

    public static func round(_ degrees: Double) -> Double { (degrees * 100).rounded() / 100 }
}
