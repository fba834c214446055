import Fluent
import Foundation

/// A bank employee who works the privacy centre and support (the staff console's users). Staff are not
/// clients: they have their own table, sessions and roles, and every read of a client's data is audited.
final class StaffMember: Model, @unchecked Sendable {
    static let schema = "staff_members"

    enum Role: String, Codable, CaseIterable, Sendable {
        /// The person responsible for organising personal-data processing (Law 94-V art. 25): works
        /// requests, disclosures, breaches and policy editions.
        case privacyOfficer = "privacy_officer"
        case support
        case fraud
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Enum(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    /// Review M14: the RFC 6238 secret, sealed with the system key; nil means the account cannot sign in.
    @OptionalField(key: "totp_secret") var totpSecret: Data?
    /// The last 30-second step a code was accepted for: a code is good once.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?

    init() {}
}
