import BankAPI
import BankCore
import Fluent
import Foundation

/// §5.2: a report of unauthorised use reaches people, not only a table. At the report the fraud team is told by
/// e-mail (`BIZBANK_FRAUD_TEAM_EMAIL`, through the e-mail outbox, in the report's transaction) with the alert's id
/// and nothing about the person; the team works the open alerts newest first (`GET /staff/security/alerts`) and
/// marks each handled once (`handled_at`, `handled_by`, audited).
struct SecurityAlertQueue: Sendable {
    let services: BankServices
    static let emailCategory = "staff_alert"

    /// Tells the fraud team a new alert is waiting: its id and kind only.
    func announce(_ alert: SecurityAlert, on database: any Database) async throws {
        let id = try alert.requireID().uuidString
        let address = try EmailAddress(services.config.fraudTeamEmail)
        let texts = Language.allCases.map { services.localizer.text("staff_alert.security.body", $0, ["alert": id, "kind": alert.kind]) }
        try await EmailOutbox(services: services).enqueue(
            to: address,
            subject: services.localizer.text("staff_alert.security.subject", .en),
            body: texts.joined(separator: "\n\n"),
            category: Self.emailCategory,
            userID: nil,
            on: database
        )
    }

    /// One page of the open alerts, newest first. The cursor is the id of the last alert of the previous page;
    /// ordering is (created_at, id), compared inside the database.
    func open(after cursor: String?, limit: Int, on database: any Database) async throws -> (items: [SecurityAlert], nextCursor: String?) {
        let query = SecurityAlert.query(on: database).filter(\.$handledAt == nil)
        let anchorID = try cursor.map(KeysetAnchor.parse)
        if let anchorID, try await SecurityAlert.find(anchorID, on: database) == nil {
            throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
        }
        return try await KeysetAnchor.page(query, after: anchorID, time: "created_at", limit: limit)
    }

    /// Marks an open alert handled by `staff`; `409 conflict` when it was handled already (by anyone).
    func handle(_ alertID: UUID, by staff: StaffMember, on database: any Database) async throws -> SecurityAlert {
        let staffID = try staff.requireID()
        let now = services.clock.now()
        return try await database.transaction { tx in
            guard let alert = try await SecurityAlert.find(alertID, on: tx) else { throw BankError.notFound }
            guard alert.handledAt == nil else { throw BankError.conflict }
            // conditional: of two staff members at once, one wins and the other is told it is handled
            try await SecurityAlert.query(on: tx).filter(\.$id == alertID).filter(\.$handledAt == nil)
                .set(\.$handledAt, to: now).set(\.$handledBy, to: staffID).update()
            guard let handled = try await SecurityAlert.find(alertID, on: tx), handled.handledBy == staffID else { throw BankError.conflict }
            try await AuditLog.record(
                .securityAlertHandled,
                actor: staffID,
                subject: .user(handled.$user.id),
                details: ["alert": alertID.uuidString, "kind": handled.kind],
                at: now,
                on: tx
            )
            return handled
        }
    }
}

extension SecurityAlert {
    func view() throws -> SecurityAlertView {
        SecurityAlertView(
            id: try requireID(),
            kind: kind,
            userId: $user.id,
            channel: channel,
            createdAt: createdAt,
            handledAt: handledAt,
            handledBy: handledBy
        )
    }
}
