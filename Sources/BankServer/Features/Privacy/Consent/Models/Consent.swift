import Fluent
import Foundation

/// A consent record with what Law 94-V art. 8 requires: operator and BIN, subject (and their name, sealed), purpose
/// (and the text shown), data list, duration, third-party, cross-border and published flags, the policy edition, time,
/// channel and device.
final class Consent: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "purpose") var purpose: String
    @Field(key: "operator_name") var operatorName: String
    @Field(key: "operator_bin") var operatorBIN: String
    @Field(key: "data_categories") var dataCategories: String
    @Field(key: "duration") var duration: String
    @Field(key: "third_party") var thirdParty: Bool
    @Field(key: "cross_border") var crossBorder: Bool
    @Parent(key: "edition_id") var edition: PolicyEdition
    @Field(key: "granted_at") var grantedAt: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @Field(key: "channel") var channel: String
    @Field(key: "device_installation_id") var deviceInstallationID: String
    @OptionalField(key: "recipient_name") var recipientName: String?
    @OptionalField(key: "recipient_bin") var recipientBIN: String?
    /// Law 94-V art. 8: whether the data is published in public sources, from the purpose register at the grant.
    @Field(key: "published") var published: Bool
    /// What the person was shown when agreeing (the bank's text, not personal data), and its language; nil on
    /// records from before it was stored.
    @OptionalField(key: "purpose_title") var purposeTitle: String?
    @OptionalField(key: "purpose_text") var purposeText: String?
    @OptionalField(key: "purpose_language") var purposeLanguage: String?
    /// The subject's full name as at the grant, sealed under the person's key (`ConsentService.nameContext`):
    /// crypto-shredding the person makes it unreadable.
    @OptionalField(key: "subject_name") var subjectName: Data?

    init() {}
}
