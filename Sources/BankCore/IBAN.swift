/// Kazakh IBAN (ИИК): `KZ` + 2 check digits + 3-digit bank code + 13 alphanumerics, 20 characters.
public struct IBAN: Sendable, Hashable {
    /// Canonical form: upper case, no spaces, e.g. `KZ86125KZT5004100100`.
    public let value: String

    static let countryCode = "KZ"
    static let length = 20

    /// Accepts spaces and lower case. Checks, in order: characters, country, length,
    /// check-digit and bank-code shape, then ISO 13616 MOD-97.
    public init(_ raw: String) throws(IdentifierError) {
        // Spaces (also no-break ones from copy-paste) are only print grouping (ISO 13616 paper format).
        let compact = raw.trimmingWhitespace().unicodeScalars.filter { $0 != " " && $0 != "\u{00A0}" }
        guard !compact.isEmpty else { throw .empty }
        guard compact.allSatisfy({ $0.isASCII && ASCIIText.isAlphanumeric(UInt8($0.value)) }) else {
            throw .invalidCharacters
        }
        let bytes = compact.map { ASCIIText.uppercased(UInt8($0.value)) }
        guard bytes.count >= 2 else { throw .wrongLength }
        guard ASCIIText.string(Array(bytes[0..<2])) == Self.countryCode else { throw .invalidCountry }
        guard bytes.count == Self.length else { throw .wrongLength }
        guard bytes[2..<7].allSatisfy(ASCIIText.isDigit) else { throw .invalidFormat }
        // ISO 13616: check digits are 02…98; 00, 01 and 99 can pass MOD-97 but are never issued.
        let checkDigits = Int(bytes[2] - ASCIIText.zero) * 10 + Int(bytes[3] - ASCIIText.zero)
        guard (2...98).contains(checkDigits), Self.mod97(rearranged: bytes) == 1 else { throw .invalidChecksum }
        value = ASCIIText.string(bytes)
    }

    /// Builds an IBAN with computed check digits, or nil when the bank code is not 3 digits or the
    /// account part is not 13 ASCII alphanumerics (lower case is accepted and upper-cased).
    public static func make(bankCode: String, accountPart: String) -> IBAN? {
        let bank = Array(bankCode.utf8)
        let account = accountPart.utf8.map(ASCIIText.uppercased)
        guard bank.count == 3, bank.allSatisfy(ASCIIText.isDigit),
            account.count == 13, account.allSatisfy(ASCIIText.isAlphanumeric)
        else { return nil }
        // ISO 13616: check digits = 98 − (BBAN + country + "00" mod 97).
        let placeholder = Array((countryCode + "00").utf8) + bank + account
        let check = 98 - mod97(rearranged: placeholder)
        let checkText = check < 10 ? "0\(check)" : "\(check)"
        return try? IBAN(countryCode + checkText + ASCIIText.string(bank + account))
    }

    /// DOMAIN.md: the 3-digit bank code after the check digits.
    public var bankCode: String {
        String(value.dropFirst(4).prefix(3))
    }

    /// Printed form in groups of four, e.g. `KZ86 125K ZT50 0410 0100` (ISO 13616 paper format).
    public var formatted: String {
        var groups: [Substring] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// ISO 13616 MOD-97: move the first four characters to the end, read letters as A=10…Z=35,
    /// and take the number mod 97 digit by digit so it never overflows.
    static func mod97(rearranged bytes: [UInt8]) -> Int {
        var remainder = 0
        for byte in bytes.dropFirst(4) + bytes.prefix(4) {
            if ASCIIText.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - ASCIIText.zero)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            }
        }
        return remainder
    }
}

extension IBAN: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("IBAN") { raw throws(IdentifierError) in try IBAN(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
