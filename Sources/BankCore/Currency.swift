/// A settlement currency with its ISO 4217 minor-unit exponent.
public struct Currency: Sendable, Hashable {
    /// ISO 4217 alphabetic code, e.g. `KZT`.
    public let code: String
    /// ISO 4217 exponent: 2 means amounts are counted in hundredths (tiyn, cents).
    public let minorUnitDigits: Int

    public static let kzt = Currency(code: "KZT", minorUnitDigits: 2)
    public static let usd = Currency(code: "USD", minorUnitDigits: 2)
    public static let eur = Currency(code: "EUR", minorUnitDigits: 2)

    /// The only currencies the bank settles in; anything else must be rejected, not guessed.
    static let known: [Currency] = [.kzt, .usd, .eur]

    /// Looks up a known currency; surrounding whitespace and lower case are tolerated.
    public init(code: String) throws(MoneyError) {
        let normalized = ASCIIText.string(code.trimmingWhitespace().utf8.map(ASCIIText.uppercased))
        guard let currency = Self.known.first(where: { $0.code == normalized }) else { throw .unknownCurrency }
        self = currency
    }

    private init(code: String, minorUnitDigits: Int) {
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }
}

extension Currency: Codable {
    /// Encoded as the bare code (`"KZT"`); the exponent comes from the table, never from the wire.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            try self.init(code: code)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Unknown currency \(code)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(code)
    }
}
