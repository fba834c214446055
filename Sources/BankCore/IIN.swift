/// Individual identification number (ИИН) of a natural person.
///
/// DOMAIN.md: `YYMMDD` + century/sex digit + 4-digit serial + check digit.
public struct IIN: Sendable, Hashable {
    /// The 12 digits, without surrounding whitespace.
    public let value: String

    /// Validates length, characters, birth date (for the century digit) and check digit, in that order.
    ///
    /// A century digit outside 1–6 is reported as `.invalidDate`: without it the birth date has no century.
    public init(_ raw: String) throws(IdentifierError) {
        let (text, digits) = try KZIdentifierChecksum.parseTwelveDigits(raw)
        guard let centuryStart = Self.centuryStart(forCenturyDigit: digits[6]) else { throw .invalidDate }
        let year = centuryStart + digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        guard Self.isValidDate(year: year, month: month, day: day) else { throw .invalidDate }
        guard KZIdentifierChecksum.isValid(digits) else { throw .invalidChecksum }
        value = text
    }

    /// Builds a valid IIN from its first 11 digits, or nil when they cannot form one.
    public static func withCheckDigit(_ first11: String) -> IIN? {
        guard let candidate = KZIdentifierChecksum.completing(first11) else { return nil }
        return try? IIN(candidate)
    }

    public var birthYear: Int {
        // Safe to force: the initialiser rejected every other century digit.
        Self.centuryStart(forCenturyDigit: digit(6))! + digit(0) * 10 + digit(1)
    }

    public var birthMonth: Int { digit(2) * 10 + digit(3) }

    public var birthDay: Int { digit(4) * 10 + digit(5) }

    /// DOMAIN.md: odd century digit = male, even = female.
    public var isMale: Bool { digit(6) % 2 == 1 }

    private func digit(_ index: Int) -> Int {
        Int(value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: index)] - ASCIIText.zero)
    }

    /// DOMAIN.md: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s.
    static func centuryStart(forCenturyDigit digit: Int) -> Int? {
        guard (1...6).contains(digit) else { return nil }
        return 1800 + (digit - 1) / 2 * 100
    }

    /// Proleptic Gregorian calendar, so 29 Feb is valid in 2000 but not in 1900.
    static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= daysInMonth[month - 1]
    }
}

extension IIN: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("IIN") { raw throws(IdentifierError) in try IIN(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
