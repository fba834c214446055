/// A calendar date without time zone (ISO 8601 `YYYY-MM-DD`), e.g. a document or value date.
///
/// Payment dates are banking days in Kazakhstan, not instants, so they carry no clock time and no
/// offset that could shift them by a day. Proleptic Gregorian calendar, years 0001–9999.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// ISO 8601 basic four-digit years only; nothing a payment can carry lies outside.
    static let years = 1...9999

    /// Rejects days a month does not have (29 Feb only in leap years) as `.invalidDate`.
    public init(year: Int, month: Int, day: Int) throws(IdentifierError) {
        guard Self.years.contains(year), IIN.isValidDate(year: year, month: month, day: day) else { throw .invalidDate }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 extended calendar date) after trimming whitespace.
    ///
    /// Errors: blank → `.empty`; any other shape (`2026-1-5`, `25.11.2026`, a time part) → `.invalidFormat`;
    /// a day the calendar does not have (`2026-02-29`, `2026-13-01`) → `.invalidDate`.
    public init(_ iso: String) throws(IdentifierError) {
        let text = iso.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        let bytes = Array(text.utf8)
        let dash = UInt8(ascii: "-")
        guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash,
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10])
        else { throw .invalidFormat }
        try self.init(year: year, month: month, day: day)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` later (earlier when negative). Saturates at 0001-01-01 and 9999-12-31 so a
    /// computed date can never fall outside what `init` accepts; no real payment date is near either end.
    public func adding(days: Int) -> CivilDate {
        let lowest = Self.daysSinceEpoch(year: Self.years.lowerBound, month: 1, day: 1)
        let highest = Self.daysSinceEpoch(year: Self.years.upperBound, month: 12, day: 31)
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        let target = overflow ? (days < 0 ? lowest : highest) : min(max(sum, lowest), highest)
        return Self.date(daysSinceEpoch: target)
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday (Kazakh banking days are Monday to Friday).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4); floored modulo keeps dates before 1970 right.
        let offset = (daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// `2026-11-25`: zero-padded so the text sorts like the dates.
    public var description: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from 1970-01-01, negative before it.
    var daysSinceEpoch: Int {
        Self.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// H. Hinnant's `days_from_civil`: counts in 400-year eras starting 1 March, so the leap day is last in its year.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// H. Hinnant's `civil_from_days`, the inverse of `daysSinceEpoch(year:month:day:)`.
    static func date(daysSinceEpoch days: Int) -> CivilDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CivilDate(uncheckedYear: year, month: month, day: day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let digits = ASCIIText.digits(of: ASCIIText.string(Array(bytes))) else { return nil }
        return digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension CivilDate: Codable {
    /// Travels as `YYYY-MM-DD` and is re-validated on decode, like the identifiers.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("CivilDate") { raw throws(IdentifierError) in try CivilDate(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(description)
    }
}
