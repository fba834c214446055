import Fluent
import Foundation

/// A personal-data breach (Law 94-V): what happened, which data, the measures taken, and when the authority
/// must be notified (one working day after detection). Never edited once recorded, except for the time the
/// authority was notified.
/// `@unchecked Sendable`: Fluent models are mutable reference types; we never share one across tasks.
final class BreachIncident: Model, @unchecked Sendable {
    static let schema = "breach_incidents"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    // reference
    @Parent(key: "recorded_by") var recordedBy: StaffMember
    @Children(for: \.$incident) var affectedSubjects: [BreachAffectedSubject]

    // data
    @Field(key: "detected_at") var detectedAt: Date
    @Field(key: "description") var description: String
    /// Category ids from the purposes register, comma-separated.
    @Field(key: "data_categories") var dataCategories: String
    @Field(key: "measures_taken") var measuresTaken: String
    @Field(key: "affected_count") var affectedCount: Int
    @Field(key: "notification_due_at") var notificationDueAt: Date
    @Enum(key: "staff_role") var staffRole: StaffMember.Role
    /// Issue 14: when the privacy officer says the authority was notified; nil until then.
    @OptionalField(key: "authority_notified_at") var authorityNotifiedAt: Date?
    /// Issue 14: how many affected people were sent the security notice.
    @Field(key: "notices_sent") var noticesSent: Int

    init() {}

    var categoryIDs: [String] { dataCategories.split(separator: ",").map(String.init) }
}
