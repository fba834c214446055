/// Kazakh banks we know, keyed by BIC and by the 3-digit bank code inside their IBANs.
///
/// The NBK directory of BICs and bank codes (Resolution No. 128 of 27 Oct 2020) is authoritative;
/// `kazakhstan` is a small replaceable table, and a server can build its own from the NBK file.
public struct BankDirectory: Sendable {
    public struct Entry: Hashable, Sendable, Codable {
        public let bic: BIC
        /// DOMAIN.md: positions 5–7 of the bank's IBANs, e.g. `601`.
        public let ibanBankCode: String
        public let name: LocalizedName

        public init(bic: BIC, ibanBankCode: String, name: LocalizedName) {
            self.bic = bic
            self.ibanBankCode = ibanBankCode
            self.name = name
        }
    }

    public let entries: [Entry]
    private let byBIC8: [String: Entry]
    private let byBankCode: [String: Entry]

    /// When two entries share a BIC or a bank code, the first one wins.
    public init(entries: [Entry]) {
        self.entries = entries
        byBIC8 = Dictionary(entries.map { (Self.bic8($0.bic), $0) }, uniquingKeysWith: { first, _ in first })
        byBankCode = Dictionary(entries.map { ($0.ibanBankCode, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Matches on the first 8 characters: ISO 9362 branch codes (positions 9–11, `XXX` = head office)
    /// belong to the same institution, so `HSBKKZKXXXX` finds Halyk.
    public func entry(bic: BIC) -> Entry? {
        byBIC8[Self.bic8(bic)]
    }

    public func entry(ibanBankCode: String) -> Entry? {
        byBankCode[ibanBankCode]
    }

    /// True when `bic` is the bank that the IBAN's bank code belongs to in this directory, and also when the
    /// code is not in the directory (an unknown bank cannot be contradicted).
    func isConsistent(_ iban: IBAN, with bic: BIC) -> Bool {
        guard let owner = entry(ibanBankCode: iban.bankCode) else { return true }
        return Self.bic8(owner.bic) == Self.bic8(bic)
    }

    static func bic8(_ bic: BIC) -> String {
        String(bic.value.prefix(8))
    }
}
