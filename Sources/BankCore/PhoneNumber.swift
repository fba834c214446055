/// Kazakhstan mobile phone number, stored in E.164 form (`+77011234567`).
public struct PhoneNumber: Sendable, Hashable {
    /// Canonical E.164: `+7` followed by the 10-digit national number.
    public let value: String

    /// Kazakh mobile operator codes (ITU-T E.164 plan for +7 7xx). Landline area codes such as
    /// 727 (Almaty) or 7172 (Astana) also start with 7, so "starts with 7" alone is not enough.
    /// Not confirmed against the regulator's current allocation; extend here when a new code is issued.
    static let mobileOperatorCodes: Set<String> = [
        "700", "701", "702", "703", "704", "705", "706", "707", "708",
        "747", "771", "775", "776", "777", "778",
    ]

    /// Visual separators people type between digit groups.
    private static let separators = Set(" ()-".utf8)

    /// Accepts `+7 701 123 45 67`, `8 (701) 123-45-67`, `87011234567`, `77011234567` and `7011234567`.
    ///
    /// Errors: characters other than digits, space, `(`, `)`, `-`, `+` → `.invalidCharacters`; a `+` that is
    /// not the first character → `.invalidFormat`; a country code other than 7 → `.invalidCountry`;
    /// a digit count that fits no accepted form → `.wrongLength`; a +7 number outside the Kazakh
    /// mobile ranges (Russian numbers, Kazakh landlines) → `.notMobile`.
    public init(_ raw: String) throws(IdentifierError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        let plus = UInt8(ascii: "+")
        guard text.utf8.allSatisfy({ ASCIIText.isDigit($0) || Self.separators.contains($0) || $0 == plus }) else {
            throw .invalidCharacters
        }
        let hasPlus = text.utf8.first == plus
        guard !text.utf8.dropFirst().contains(plus) else { throw .invalidFormat }
        let digits = text.utf8.filter(ASCIIText.isDigit)
        let national = try Self.nationalNumber(digits, hasPlus: hasPlus)
        let nationalText = ASCIIText.string(national)
        guard Self.mobileOperatorCodes.contains(String(nationalText.prefix(3))) else { throw .notMobile }
        value = "+7" + nationalText
    }

    /// Strips the country prefix: `+7…` in international form, or the domestic trunk prefix `8…`
    /// (and a bare `7…`) when written without `+`; ten digits are already national.
    private static func nationalNumber(_ digits: [UInt8], hasPlus: Bool) throws(IdentifierError) -> [UInt8] {
        let seven = UInt8(ascii: "7")
        let eight = UInt8(ascii: "8")
        if hasPlus {
            guard let first = digits.first else { throw .wrongLength }
            guard first == seven else { throw .invalidCountry }
            guard digits.count == 11 else { throw .wrongLength }
            return Array(digits.dropFirst())
        }
        switch digits.count {
        case 10:
            return digits
        case 11:
            guard digits[0] == seven || digits[0] == eight else { throw .invalidCountry }
            return Array(digits.dropFirst())
        default:
            throw .wrongLength
        }
    }

    /// For logs and confirmations: `+7 701 *** ** 67` (STYLE.md: mask phone numbers).
    public var masked: String {
        let national = value.dropFirst(2)
        return "+7 \(national.prefix(3)) *** ** \(national.suffix(2))"
    }
}

extension PhoneNumber: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("PhoneNumber") { raw throws(IdentifierError) in try PhoneNumber(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
