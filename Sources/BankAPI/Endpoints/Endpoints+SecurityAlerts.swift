import Foundation

extension Endpoints.Staff {
    /// §5.2: open security alerts, newest first; `cursor` and `limit` (1…100, 50) in the query. Fraud team only.
    public static let staffListSecurityAlerts = Endpoint<NoParameters, NoBody, ListPage<SecurityAlertView>>(
        "staffListSecurityAlerts",
        .GET,
        "/api/v1/staff/security/alerts",
        auth: .staff
    )
    /// Marks an open alert handled (`handledAt`, `handledBy`); an alert already handled is `409 conflict`.
    public static let staffHandleSecurityAlert = Endpoint<UUID, NoBody, SecurityAlertView>(
        "staffHandleSecurityAlert",
        .POST,
        "/api/v1/staff/security/alerts/{alertId}/handle",
        auth: .staff
    )
}
