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
            .notification(try req.uuidParameter("breachId"), by: staff, language: req.language, on: req.db)
        guard req.query[String.self, at: "format"] == "html" else { return Reply(notification) }
        // Names, IINs and phones: never cached by a browser or proxy.
        return .page(BreachNotificationPage.html(notification, language: req.language, localizer: req.bank.localizer))
            .with(.contentLanguage, req.language.rawValue).with(.cacheControl, "no-store")
    }
}
