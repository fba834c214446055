import Fluent
import Foundation

/// News, a tariff or an offer the bank publishes in kk / ru / en (§2.2.8). Not personal data: the same for everyone.
final class ContentItem: Model, @unchecked Sendable {
    static let schema = "content_items"

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: Kind

    @Field(key: "title_kk") var titleKk: String
    @Field(key: "title_ru") var titleRu: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "body_kk") var bodyKk: String
    @Field(key: "body_ru") var bodyRu: String
    @Field(key: "body_en") var bodyEn: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    /// Offers sent through the marketing path: how many users they reached.
    @OptionalField(key: "recipients") var recipients: Int?

    init() {}

    enum Kind: String, Codable, Sendable, CaseIterable {
        case news, tariff, offer
    }
}
