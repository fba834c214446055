import BankAPI
import Vapor

/// Law 94-V breach register over HTTP (privacy officer only): record an incident, and produce the notification
/// to the authority as JSON or as a printable page.
struct BreachController {
    /// `POST /staff/privacy/breaches` → 201 with the incident, the number affected and the notification deadline.
    func record(req: Request) async throws -> Reply<BreachIncidentView> {
        let staff = try req.staff(.privacyOfficer)
        let body = try req.decodeBody(RecordBreachRequest.self)
        let register = BreachRegister(services: req.bank)
        let incident = try await register.record(body, by: staff, on: req.db)
        return .created(try register.view(incident, language: req.language))
    }

    /// `GET /staff/privacy/breaches/{breachId}/notification[?format=html]`.
    func notification(req: Request) async throws -> Reply<BreachNotification> {
        let staff = try req.staff(.privacyOfficer)
        let notification = try await BreachRegister(services: req.bank)
            .notification(try req.uuidParameter("breachId"), by: staff, language: req.language, on: req.db)
        guard req.query[String.self, at: "format"] == "html" else { return Reply(notification) }
        // Names, IINs and phones: never cached by a browser or proxy.
        return .page(BreachNotificationPage.html(notification, language: req.language))
            .with(.contentLanguage, req.language.rawValue).with(.cacheControl, "no-store")
    }
}
