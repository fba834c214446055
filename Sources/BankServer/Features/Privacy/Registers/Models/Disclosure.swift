import Fluent
import Foundation

/// One disclosure of a user's personal data to a third party, with its legal basis (§3.3, Law 94-V art. 7, 16).
/// Shown to the data subject; never edited once recorded.
/// `@unchecked Sendable`: Fluent models are mutable reference types; we never share one across tasks.
final class Disclosure: Model, @unchecked Sendable {
    static let schema = "disclosures"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    // reference
    @Parent(key: "user_id") var user: User
    @Parent(key: "recorded_by") var recordedBy: StaffMember
    /// §3.3.1: the consent the disclosure relied on.
    @OptionalParent(key: "consent_id") var consent: Consent?

    // data
    @Field(key: "recipient_name") var recipientName: String
    @OptionalField(key: "recipient_bin") var recipientBIN: String?
    /// Category ids from the purposes register, comma-separated.
    @Field(key: "data_categories") var dataCategories: String
    @Enum(key: "basis") var basis: Basis
    @OptionalField(key: "legal_reference") var legalReference: String?
    @OptionalField(key: "case_reference") var caseReference: String?
    @Field(key: "disclosed_at") var disclosedAt: Date
    /// The recorder's role at the time; the subject sees the role, never the name.
    @Enum(key: "staff_role") var staffRole: StaffMember.Role

    init() {}
}

extension Disclosure {
    /// §3.3: the three grounds on which data may go to a third party.
    enum Basis: String, Codable, CaseIterable, Sendable {
        /// §3.3.1: the user consented (a live `third_party_disclosure` consent for this recipient).
        case consent
        /// §3.3.2: a law of the Republic of Kazakhstan provides for it.
        case law
        /// §3.3.3: to protect the rights of the bank or third parties when the user broke the App's terms.
        case protectionOfRights = "protection_of_rights"

        var clause: String {
            switch self {
            case .consent: "§3.3.1"
            case .law: "§3.3.2"
            case .protectionOfRights: "§3.3.3"
            }
        }
    }

    var categoryIDs: [String] { dataCategories.split(separator: ",").map(String.init) }
}
