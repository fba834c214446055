import BankAPI
import Vapor

/// Law 94-V breach register over HTTP (privacy officer only): record an incident, and produce the notification
/// to the authority as JSON or as a printable page.
enum BreachController {
    /// `POST /staff/privacy/breaches` → 201 with the incident, the number affected and the notification deadline.
    static func record(req: Request) async throws -> Reply<BreachIncidentView> {
        let staff = try req.staff
        let body = try req.decodeBody(RecordBreachRequest.self)
        let register = BreachRegister(services: req.bank)
        let incident = try await register.record(body, by: staff, on: req.db)
        return .created(try register.view(incident, language: req.language))
    }

    /// `GET /staff/privacy/breaches/{breachId}/notification[?format=html]`.
    static func notification(req: Request) async throws -> Reply<BreachNotification> {
        let staff = try req.staff
        let notification = try await BreachRegister(services: req.bank)
            .notification(try req.parameter(.breachId), by: staff, language: req.language, on: req.db)
        guard req.query[String.self, at: "format"] == "html" else { return Reply(notification) }
        // Names, IINs and phones: never cached by a browser or proxy.
        return .page(BreachNotificationPage.html(notification, language: req.language, localizer: req.bank.localizer))
            .with(.contentLanguage, req.language.rawValue).with(.cacheControl, "no-store")
    }

    /// `GET /staff/privacy/breaches`: every incident with its status, notices sent and the overdue flag.
    static func list(req: Request) async throws -> BreachIncidentList {
        BreachIncidentList(items: try await BreachRegister(services: req.bank).list(language: req.language, on: req.db))
    }

    /// `POST /staff/privacy/breaches/{breachId}/authority-notified` with `notifiedAt`.
    static func authorityNotified(req: Request) async throws -> BreachIncidentView {
        let staff = try req.staff
        let body = try req.decodeBody(BreachAuthorityNotified.self)
        let register = BreachRegister(services: req.bank)
        let incident = try await register.markAuthorityNotified(try req.parameter(.breachId), at: body.notifiedAt, by: staff, on: req.db)
        return try register.view(incident, language: req.language)
    }
}
