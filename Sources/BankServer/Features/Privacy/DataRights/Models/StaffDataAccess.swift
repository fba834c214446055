import Fluent
import Foundation

/// A staff member read a client's personal data: who (by role), when and why. Shown to the client in the export.
final class StaffDataAccess: Model, @unchecked Sendable {
    static let schema = "staff_data_access"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "staff_role") var staffRole: String
    @Field(key: "reason") var reason: String
    /// The law that still requires the read while the person's data is blocked (Law 94-V art. 24–25).
    @OptionalField(key: "legal_basis") var legalBasis: String?
    @Field(key: "at") var at: Date

    init() {}
}
