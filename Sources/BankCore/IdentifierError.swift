/// Why an identifier (IIN, BIN, IBAN, BIC, KBe, phone, e-mail) was rejected.
///
/// `code` is part of the public contract: the API layer puts it into RFC 9457 problem details,
/// so the strings must never change once shipped.
public enum IdentifierError: Error, Equatable, Sendable {
    case empty
    case wrongLength
    case invalidCharacters
    case invalidChecksum
    case invalidCountry
    case invalidDate
    case invalidTypeDigit
    case notMobile
    case invalidFormat
    /// Well-formed, but not in the dictionary the value must come from (e.g. a KNP outside NBK Rules No. 203).
    case unknownCode

    /// Stable snake_case code for problem+json validation entries (STYLE.md: stable `code`).
    public var code: String {
        switch self {
        // "required" rather than "empty": an empty field is reported as a missing required value.
        case .empty: "required"
        case .wrongLength: "wrong_length"
        case .invalidCharacters: "invalid_characters"
        case .invalidChecksum: "invalid_checksum"
        case .invalidCountry: "invalid_country"
        case .invalidDate: "invalid_date"
        case .invalidTypeDigit: "invalid_type_digit"
        case .notMobile: "not_mobile"
        case .invalidFormat: "invalid_format"
        case .unknownCode: "unknown_code"
        }
    }
}
