/// Bank identifier code (БИК / SWIFT code) per ISO 9362.
public struct BIC: Sendable, Hashable {
    /// Canonical form: upper case, 8 or 11 characters.
    public let value: String

    /// DOMAIN.md: budget (treasury) BIC of the Ministry of Finance Treasury Committee.
    public static let treasury = BIC(canonical: "KKMFKZ2A")

    /// Checks, in order: characters, length (8 or 11), bank code letters (1–4), country letters (5–6).
    /// Any two-letter country is accepted so correspondent banks abroad validate; see `isKazakh`.
    public init(_ raw: String) throws(IdentifierError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.allSatisfy(ASCIIText.isAlphanumeric) else { throw .invalidCharacters }
        let bytes = text.utf8.map(ASCIIText.uppercased)
        guard bytes.count == 8 || bytes.count == 11 else { throw .wrongLength }
        // ISO 9362: positions 1–4 institution code, letters only.
        guard bytes[0..<4].allSatisfy(ASCIIText.isUpperLetter) else { throw .invalidFormat }
        // ISO 9362: positions 5–6 ISO 3166-1 alpha-2 country; 7–8 location and 9–11 branch are alphanumeric.
        guard bytes[4..<6].allSatisfy(ASCIIText.isUpperLetter) else { throw .invalidCountry }
        value = ASCIIText.string(bytes)
    }

    private init(canonical: String) {
        value = canonical
    }

    /// DOMAIN.md: Kazakh banks carry `KZ` in positions 5–6.
    public var isKazakh: Bool {
        value.dropFirst(4).prefix(2) == "KZ"
    }
}

extension BIC: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("BIC") { raw throws(IdentifierError) in try BIC(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
