import Fluent
import Foundation

/// A consent record with what Law 94-V art. 8 requires: operator and BIN, subject, purpose, data list,
/// duration, third-party and cross-border flags, the policy edition, time, channel and device.
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

    init() {}
}
