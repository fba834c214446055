import Fluent
import Foundation

/// Records that a user accepted a policy edition (§6.2): the acceptance row (edition, time, IP, device) for
/// proof, the accepted version on the user row for the per-request check, and an audit event.
struct PolicyAcceptanceRecorder: Sendable {
    let services: BankServices

    struct Origin: Sendable {
        let ip: String
        let userAgent: String
        let deviceInstallationID: String
    }

    func record(_ edition: PolicyEdition, userID: UUID, origin: Origin, on database: any Database) async throws {
        let acceptance = PolicyAcceptance()
        acceptance.$user.id = userID
        acceptance.$edition.id = try edition.requireID()
        acceptance.acceptedAt = services.clock.now()
        acceptance.ip = origin.ip
        acceptance.deviceInstallationID = origin.deviceInstallationID
        acceptance.userAgent = origin.userAgent
        try await acceptance.create(on: database)
        try await User.query(on: database)
            .filter(\.$id == userID)
            .filter(\.$acceptedPolicyVersion < edition.version)
            .set(\.$acceptedPolicyVersion, to: edition.version)
            .update()
        try await AuditLog.record(.policyAccepted, actor: userID, subject: .policy(edition.version), at: services.clock.now(), on: database)
    }
}
