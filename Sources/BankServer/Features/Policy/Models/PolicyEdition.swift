import Fluent
import Foundation

/// An edition of the privacy policy (§6.1): texts, effective date and the date of last update.
final class PolicyEdition: Model, @unchecked Sendable {
    static let schema = "policy_editions"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "text_kk") var textKk: String
    @OptionalField(key: "text_ru") var textRu: String?
    @OptionalField(key: "text_en") var textEn: String?
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "effective_at") var effectiveAt: Date
    /// ISO date (YYYY-MM-DD) shown as "last updated" (§6.1).
    @Field(key: "last_updated") var lastUpdated: String

    init() {}
}
