/// An exact amount of money in integer minor units (tiyn, cents). Floating point is never used:
/// binary fractions cannot represent 0.10 exactly, and payment totals must reconcile to the tiyn.
public struct Money: Sendable, Hashable, Codable {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isZero: Bool { minorUnits == 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch }
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    /// Exact decimal text with all minor digits and `.` as separator, e.g. `1234.50` or `-0.05`.
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        // `magnitude` is UInt64, so Int64.min prints correctly too.
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(magnitude) }
        let scale = Self.powerOfTen(digits)
        let fraction = String(magnitude % scale)
        let padding = String(repeating: "0", count: digits - fraction.count)
        return "\(sign)\(magnitude / scale).\(padding)\(fraction)"
    }

    private enum CodingKeys: String, CodingKey {
        case minorUnits
        case currency
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
