import BankAPI
import Fluent
import Foundation

/// Staff reading a client's personal data is itself recorded (Law 94-V art. 24; ARCHITECTURE.md privacy model):
/// who (their role), when and why — and the client sees it in their export. A read without a reason is refused.
/// While the person's data is blocked (Law 94-V art. 24–25) a read also needs the law that still requires it
/// (`legalBasis`, as a disclosure on the `law` basis names its legal reference); it is recorded with the read.
struct StaffDataReader: Sendable {
    let services: BankServices

    func read(
        userID: UUID,
        reason: String,
        legalBasis: String? = nil,
        by staff: StaffMember,
        on database: any Database
    ) async throws
        -> StaffUserView
    {
        var validator = FieldValidator()
        let reason = validator.require("reason", reason, maxLength: 500)
        let user = try await User.find(userID, on: database)
        var basis: String?
        if user?.status == .dataBlocked {
            basis = validator.require("legalBasis", legalBasis ?? "", maxLength: 500)
        }
        try validator.throwIfInvalid()
        guard let reason, let user, user.status != .destroyed else { throw BankError.notFound }
        try await recordAccess(to: userID, reason: reason, legalBasis: basis, by: staff, on: database)
        let person = try await services.vault.open(user, on: database)
        let memberships = try await Membership.query(on: database).filter(\.$user.$id == userID).with(\.$company).all()
        return StaffUserView(
            id: userID,
            fullName: person.fullName,
            iin: person.iin.value,
            phone: person.phone.value,
            email: person.email.value,
            status: user.status.rawValue,
            companies: try memberships.map {
                .init(
                    id: try $0.company.requireID(),
                    name: $0.company.name,
                    bin: try services.companyIdentity.taxID(of: $0.company),
                    role: $0.role.rawValue
                )
            }
        )
    }

    /// Records one staff read of `userID`'s personal data (also used by registers that print personal data).
    func recordAccess(to userID: UUID, reason: String, legalBasis: String? = nil, by staff: StaffMember, on database: any Database) async throws {
        let access = StaffDataAccess()
        access.userID = userID
        access.staffID = try staff.requireID()
        access.staffRole = staff.role.rawValue
        access.reason = reason
        access.legalBasis = legalBasis
        access.at = services.clock.now()
        try await access.create(on: database)
        var details = ["role": staff.role.rawValue]
        if legalBasis != nil { details["legal_basis"] = "given" }
        try await AuditLog.record(
            .staffReadPersonalData,
            actor: staff.id,
            subject: .user(userID),
            details: details,
            at: services.clock.now(),
            on: database
        )
    }
}
