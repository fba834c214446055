import Fluent
import Foundation

/// A user whose data a breach touched; they get a security SMS and are named in the notification.
final class BreachAffectedSubject: Model, @unchecked Sendable {
    static let schema = "breach_affected_subjects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "incident_id") var incident: BreachIncident
    @Parent(key: "user_id") var user: User

    init() {}

    init(incidentID: UUID, userID: UUID) {
        self.$incident.id = incidentID
        self.$user.id = userID
    }
}
