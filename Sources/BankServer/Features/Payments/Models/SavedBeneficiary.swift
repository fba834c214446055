import Fluent
import Foundation

/// A payee the company saved to reuse (§2.3.2, §2.3.4: paying without retyping details).
final class SavedBeneficiary: Model, @unchecked Sendable {
    static let schema = "saved_beneficiaries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Field(key: "name") var name: String
    @Field(key: "tax_id") var taxID: String
    @Field(key: "iban") var iban: String
    @Field(key: "bic") var bic: String
    @Field(key: "kbe") var kbe: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
