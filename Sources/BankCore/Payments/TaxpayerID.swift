/// The beneficiary's tax id: an IIN (person, incl. individual entrepreneurs) or a BIN (legal entity).
///
/// DOMAIN.md: both are 12 digits with the same check digit; they differ in what digits 5–6 mean.
public enum TaxpayerID: Hashable, Sendable {
    case iin(IIN)
    case bin(BIN)

    /// Digit 5 decides which rules apply: in a BIN it is the type digit 4, 5 or 6; in an IIN it is the tens
    /// of the birth day, which is at most 3. So each number has exactly one reading and its error is that
    /// reading's (`.invalidTypeDigit` for a BIN, `.invalidDate` for an IIN, …).
    public init(_ raw: String) throws(IdentifierError) {
        let (_, digits) = try KZIdentifierChecksum.parseTwelveDigits(raw)
        if BIN.entityType(forTypeDigit: digits[4]) != nil {
            self = .bin(try BIN(raw))
        } else {
            self = .iin(try IIN(raw))
        }
    }

    /// The 12 digits.
    public var value: String {
        switch self {
        case .iin(let iin): iin.value
        case .bin(let bin): bin.value
        }
    }
}

extension TaxpayerID: Codable {
    /// Travels as the bare 12 digits, like the `БИН/ИИН` field of a payment order; the kind is re-derived.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("TaxpayerID") { raw throws(IdentifierError) in try TaxpayerID(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
