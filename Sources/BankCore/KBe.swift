/// Beneficiary code (КБе; the payer's КОд has the same shape): residency digit + economic sector digit.
public struct KBe: Sendable, Hashable {
    /// Two digits, e.g. `17` (resident company) or `19` (resident individual).
    public let value: String

    /// Checks, in order: characters, length, residency (1 or 2), sector (1–9).
    public init(_ raw: String) throws(IdentifierError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        guard let digits = ASCIIText.digits(of: text) else { throw .invalidCharacters }
        guard digits.count == 2 else { throw .wrongLength }
        // DOMAIN.md: residency 1 resident, 2 non-resident; sectors 1 government … 9 households.
        guard (1...2).contains(digits[0]), (1...9).contains(digits[1]) else { throw .invalidFormat }
        value = text
    }

    public var isResident: Bool { value.hasPrefix("1") }

    /// DOMAIN.md: 1 government … 9 households.
    public var sector: Int { Int(value.utf8[value.utf8.index(after: value.utf8.startIndex)] - ASCIIText.zero) }
}

extension KBe: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("KBe") { raw throws(IdentifierError) in try KBe(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
