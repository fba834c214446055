/// E-mail address with a pragmatic syntax check (not full RFC 5322; the confirmation mail proves it).
public struct EmailAddress: Sendable, Hashable {
    /// Trimmed address with the domain lower-cased; the local part keeps its case (RFC 5321 §2.4).
    public let value: String

    /// RFC 5321 §4.5.3.1: local part at most 64 octets; a usable path allows at most 254 octets of address.
    static let maxLocalLength = 64
    static let maxTotalLength = 254
    /// RFC 1035 §2.3.4: a DNS label has at most 63 octets.
    static let maxLabelLength = 63

    /// RFC 5322 atext plus `.`: what mailbox providers accept in practice without quoting.
    private static let localSymbols = Set("!#$%&'*+-/=?^_`{|}~.".utf8)

    /// Every malformed address is `.invalidFormat`; only blank input is `.empty`.
    public init(_ raw: String) throws(IdentifierError) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxTotalLength else { throw .invalidFormat }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidFormat }
        let local = Array(parts[0])
        let domain = parts[1].map(ASCIIText.lowercased)
        guard Self.isValidLocalPart(local), Self.isValidDomain(domain) else { throw .invalidFormat }
        value = ASCIIText.string(local) + "@" + ASCIIText.string(domain)
    }

    private static func isValidLocalPart(_ local: [UInt8]) -> Bool {
        let dot = UInt8(ascii: ".")
        guard (1...maxLocalLength).contains(local.count),
            local.allSatisfy({ ASCIIText.isAlphanumeric($0) || localSymbols.contains($0) }),
            local.first != dot, local.last != dot
        else { return false }
        // RFC 5322 dot-atom: no empty atoms between dots.
        return !zip(local, local.dropFirst()).contains { $0 == dot && $1 == dot }
    }

    private static func isValidDomain(_ domain: [UInt8]) -> Bool {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let hyphen = UInt8(ascii: "-")
        // RFC 1123 §2.1 host names: letters, digits, hyphens; no hyphen at either end.
        return labels.allSatisfy { label in
            (1...maxLabelLength).contains(label.count)
                && label.allSatisfy { ASCIIText.isAlphanumeric($0) || $0 == hyphen }
                && label.first != hyphen && label.last != hyphen
        }
    }

    /// For logs and confirmations: `a***@example.kz` (STYLE.md: mask personal data).
    public var masked: String {
        guard let first = value.first, let at = value.firstIndex(of: "@") else { return "***" }
        return "\(first)***\(value[at...])"
    }
}

extension EmailAddress: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("EmailAddress") { raw throws(IdentifierError) in try EmailAddress(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
