/// KNP payment-purpose code (код назначения платежа), NBK Rules No. 203 of 31 Aug 2016: 3 digits,
/// and it must be in the shipped dictionary (`KNP.dictionary`), because DOMAIN.md makes unknown codes a validation error.
public struct KNP: Hashable, Sendable {
    /// The three digits, e.g. `710`.
    public let code: String

    /// Checks, in order: blank, characters, length (3), then membership in the dictionary.
    ///
    /// Errors: blank → `.empty`; anything but ASCII digits → `.invalidCharacters`; not 3 digits → `.wrongLength`;
    /// 3 digits outside the dictionary → `.unknownCode`.
    public init(_ raw: String) throws(IdentifierError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        guard ASCIIText.digits(of: text) != nil else { throw .invalidCharacters }
        guard text.utf8.count == 3 else { throw .wrongLength }
        guard Self.names[text] != nil else { throw .unknownCode }
        code = text
    }

    private init(known code: String) {
        self.code = code
    }

    /// The dictionary's wording in kk, ru and en.
    public var name: LocalizedName {
        // Safe to force: the initialiser admits only codes in the dictionary.
        Self.names[code]!
    }

    /// Every code in the dictionary, sorted by code (for pickers and the API's reference list).
    public static var all: [KNP] {
        sortedCodes
    }

    private static let names: [String: LocalizedName] = Dictionary(dictionary, uniquingKeysWith: { first, _ in first })
    private static let sortedCodes: [KNP] = names.keys.sorted().map(KNP.init(known:))
}

extension KNP: Codable {
    /// Travels as the bare code (`"710"`) and is looked up again on decode, so a retired code cannot slip in.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("KNP") { raw throws(IdentifierError) in try KNP(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(code)
    }
}
