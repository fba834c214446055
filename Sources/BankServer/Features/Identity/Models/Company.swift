import BankCore
import Fluent
import Foundation

/// A business client: a legal entity identified by its BIN, or a sole proprietor by the owner's IIN (`CompanyIdentity`).
/// `@unchecked Sendable`: Fluent models are mutable reference types; we never share one across tasks.
final class Company: Model, @unchecked Sendable {
    static let schema = "companies"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "name") var name: String
    /// A legal entity's public registration number, not personal data (DOMAIN.md); for a sole proprietor the blind
    /// index of the owner's IIN (`CompanyIdentity`), never the IIN. Unique either way.
    @Field(key: "bin") var bin: String
    /// `legal_entity` or `sole_proprietor`.
    @Field(key: "kind") var kind: String
    /// A sole proprietor's IIN, sealed; nil for a legal entity.
    @OptionalField(key: "tax_id_sealed") var taxIDSealed: Data?
    /// Above this amount (minor units) a payment needs both signatures; nil: one signature always suffices.
    @OptionalField(key: "dual_signature_threshold") var dualSignatureThreshold: Int64?
    /// The author's own signatures complete a payment ("director alone": sole proprietors, one-person companies).
    @Field(key: "author_may_sign_alone") var authorMaySignAlone: Bool
    /// §2.2.4: ISO country codes its people may operate from, comma-separated ("KZ" by default).
    @Field(key: "allowed_countries") var allowedCountries: String

    init() {}

    init(id: UUID = UUID(), name: String, bin: String) {
        self.id = id
        self.name = name
        self.bin = bin
        self.kind = CompanyIdentity.Kind.legalEntity.rawValue
        self.allowedCountries = "KZ"
        self.authorMaySignAlone = true
    }
}

extension Company {
    /// Issue 10: one rule for single orders, baskets and payroll.
    var signingRule: SigningRule { SigningRule(dualSignatureAbove: dualSignatureThreshold, authorMaySignAlone: authorMaySignAlone) }
}
