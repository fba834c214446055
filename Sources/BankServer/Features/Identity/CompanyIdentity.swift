import BankAPI
import BankCore
import Fluent
import Foundation

/// Who a business client is (DOMAIN.md): a legal entity by its BIN, or an individual entrepreneur (ИП) by the
/// owner's IIN. A BIN is a public registration number and is kept in clear; an IIN is the owner's personal data, so
/// the `companies.bin` column holds only its blind index (one ИП per IIN, found without decrypting) and the IIN
/// itself is sealed in `tax_id_sealed`.
struct CompanyIdentity: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case legalEntity = "legal_entity"
        case soleProprietor = "sole_proprietor"
    }

    /// A validated identity: the kind, the tax id shown on documents, and what the `bin` column holds.
    struct Identifier: Sendable {
        let kind: Kind
        let taxID: String
        let key: String
    }

    let services: BankServices

    /// Parses `company.kind` and `company.bin`; a sole proprietor's number is the registering owner's own IIN.
    func parse(
        kind text: String?,
        number: String,
        ownerIIN: IIN?,
        fields: (kind: String, number: String),
        into validator: inout FieldValidator
    ) -> Identifier? {
        let field = fields.number
        guard let kind = Kind(rawValue: text ?? Kind.legalEntity.rawValue) else {
            validator.add(fields.kind, .invalidValue)
            return nil
        }
        switch kind {
        case .legalEntity:
            return validator.parse(field) { try BIN(number) }.map { Identifier(kind: kind, taxID: $0.value, key: $0.value) }
        case .soleProprietor:
            guard let iin = validator.parse(field, { try IIN(number) }) else { return nil }
            if let ownerIIN, ownerIIN.value != iin.value {
                validator.add(field, .notYourIin)
                return nil
            }
            return Identifier(kind: kind, taxID: iin.value, key: key(of: iin))
        }
    }

    /// The `companies.bin` value for a number someone typed: a BIN as it is, an IIN as a sole proprietor's index
    /// (a BIN's fifth digit is 4–6, an IIN's is a day's tens, 0–3, so one number is never both).
    func key(forNumber number: String) -> String? {
        if let bin = try? BIN(number) { return bin.value }
        if let iin = try? IIN(number) { return key(of: iin) }
        return nil
    }

    /// A sole proprietor's `companies.bin`: the blind index of the IIN, never the IIN.
    private func key(of iin: IIN) -> String { "iin:" + services.vault.iinIndex(iin) }

    func makeCompany(name: String, _ identifier: Identifier) throws -> Company {
        let company = Company(name: name, bin: identifier.key)
        company.kind = identifier.kind.rawValue
        if identifier.kind == .soleProprietor {
            company.taxIDSealed = try services.cipher.seal(identifier.taxID, with: services.cipher.keys.systemData, context: Self.context(company))
        }
        return company
    }

    /// The BIN, or the sole proprietor's IIN: what receipts, statements and clearing messages name as the client.
    func taxID(of company: Company) throws -> String {
        guard let sealed = company.taxIDSealed else { return company.bin }
        return try services.cipher.openString(sealed, with: services.cipher.keys.systemData, context: Self.context(company))
    }

    func view(of membership: Membership) throws -> CompanyMembershipView {
        let company = membership.company
        return CompanyMembershipView(
            id: try company.requireID(),
            name: company.name,
            bin: try taxID(of: company),
            role: membership.role.rawValue,
            kind: company.kind
        )
    }

    private static func context(_ company: Company) throws -> PersonalDataCipher.Context {
        .init(table: "companies", column: "tax_id", row: try company.requireID())
    }
}

extension BankServices {
    var companyIdentity: CompanyIdentity { CompanyIdentity(services: self) }
}
