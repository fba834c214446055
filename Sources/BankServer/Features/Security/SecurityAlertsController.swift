import BankAPI
import Fluent
import Vapor

/// §5.2 the fraud team's queue of security alerts (staff role `fraud`, checked by the route table's group).
enum SecurityAlertsController {
    /// `GET /staff/security/alerts[?cursor=…][&limit=…]`: the open alerts, newest first.
    static func list(req: Request) async throws -> ListPage<SecurityAlertView> {
        let (items, next) = try await SecurityAlertQueue(services: req.bank)
            .open(after: req.query[String.self, at: "cursor"], limit: try DisclosureController.limit(req), on: req.db)
        return ListPage(items: try items.map { try $0.view() }, nextCursor: next)
    }

    /// `POST /staff/security/alerts/{alertId}/handle`.
    static func handle(req: Request) async throws -> SecurityAlertView {
        try await SecurityAlertQueue(services: req.bank).handle(try req.parameter(.alertId), by: try req.staff, on: req.db).view()
    }
}
