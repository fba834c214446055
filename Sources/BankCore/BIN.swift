/// Business identification number (БИН) of a legal entity or joint individual entrepreneurship.
///
/// DOMAIN.md: `YYMM` + type digit + attribute digit + 5-digit serial + check digit.
public struct BIN: Sendable, Hashable {
    /// The 12 digits, without surrounding whitespace.
    public let value: String

    /// DOMAIN.md: BIN type digit (position 5).
    public enum EntityType: String, Sendable, Hashable, Codable {
        case residentLegalEntity = "resident_legal_entity"
        case nonResidentLegalEntity = "non_resident_legal_entity"
        case jointIndividualEntrepreneurship = "joint_individual_entrepreneurship"
    }

    /// Validates characters, length, registration month, type and attribute digits and check digit, in that order.
    ///
    /// The attribute digit (0 head office, 1 branch, 2 representative office, 3 farm) has no error case
    /// of its own; an unknown one is reported as `.invalidTypeDigit` because it qualifies the entity type.
    public init(_ raw: String) throws(IdentifierError) {
        let (text, digits) = try KZIdentifierChecksum.parseTwelveDigits(raw)
        let month = digits[2] * 10 + digits[3]
        guard (1...12).contains(month) else { throw .invalidDate }
        guard Self.entityType(forTypeDigit: digits[4]) != nil else { throw .invalidTypeDigit }
        guard (0...3).contains(digits[5]) else { throw .invalidTypeDigit }
        guard KZIdentifierChecksum.isValid(digits) else { throw .invalidChecksum }
        value = text
    }

    /// Builds a valid BIN from its first 11 digits, or nil when they cannot form one.
    public static func withCheckDigit(_ first11: String) -> BIN? {
        guard let candidate = KZIdentifierChecksum.completing(first11) else { return nil }
        return try? BIN(candidate)
    }

    public var entityType: EntityType {
        let typeDigit = Int(value.utf8[value.utf8.index(value.utf8.startIndex, offsetBy: 4)] - ASCIIText.zero)
        // Safe to force: the initialiser rejected every other type digit.
        return Self.entityType(forTypeDigit: typeDigit)!
    }

    /// DOMAIN.md: 4 resident legal entity, 5 non-resident, 6 joint IE.
    static func entityType(forTypeDigit digit: Int) -> EntityType? {
        switch digit {
        case 4: .residentLegalEntity
        case 5: .nonResidentLegalEntity
        case 6: .jointIndividualEntrepreneurship
        default: nil
        }
    }
}

extension BIN: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeValidated("BIN") { raw throws(IdentifierError) in try BIN(raw) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeCanonical(value)
    }
}
