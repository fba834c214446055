import BankAPI
import BankClient
import Foundation
import Vapor

/// The staff console's frame (issue 12): its own navigation, the session check every staff page goes through, and
/// the small form helpers the staff pages share. Staff pages never use the client navigation.
enum StaffPages {
    typealias Handler = @Sendable (Web) async throws -> Response

    /// `GET /staff/…` behind the staff session.
    static func get(_ routes: any RoutesBuilder, _ path: PathComponent..., handler: @escaping Handler) {
        routes.get(["staff"] + path) { req in try await guarded(Web(req), handler) }
    }

    /// `POST /staff/…` behind the staff session (the CSRF check has already run in `WebGuard`).
    static func post(_ routes: any RoutesBuilder, _ path: PathComponent..., handler: @escaping Handler) {
        routes.post(["staff"] + path) { req in try await guarded(Web(req), handler) }
    }

    /// No staff cookie, or a session the API no longer knows: to the sign-in page, with the cookie cleared. Any other
    /// refusal (a role that may not do this, a missing item) is a staff page with the API's message.
    static func guarded(_ web: Web, _ handler: Handler) async throws -> Response {
        guard let token = web.staffToken, !token.isEmpty else { return web.redirect("/staff/sign-in") }
        do {
            return try await handler(web)
        } catch BankClientError.problem(let problem) where problem.status == 401 {
            return signedOut(web)
        } catch BankClientError.problem(let problem) {
            let status = HTTPResponseStatus(statusCode: problem.status)
            return page(
                web,
                web.t("staff.error.title"),
                "<p><a href=\"/staff\">\(web.t("staff.error.back"))</a></p>",
                error: problem.title,
                status: status
            )
        }
    }

    static func signedOut(_ web: Web) -> Response {
        let response = web.redirect("/staff/sign-in")
        response.cookies[web.staffCookieName] = web.cookie("", maxAge: 0)
        return response
    }

    /// A staff page: the staff navigation, then the API's message or the notice of what was just done, then the body.
    static func page(
        _ web: Web,
        _ title: String,
        _ body: Markup,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        let notice = notice ?? done(web)
        return web.page(
            title,
            """
            <nav class="nav" aria-label="\(web.t("staff.nav.label"))">
              <a href="/staff">\(web.t("staff.nav.queue"))</a>
              <a href="/staff/disclosures">\(web.t("staff.nav.disclosures"))</a>
              <a href="/staff/breaches">\(web.t("staff.nav.breaches"))</a>
              <a href="/staff/users">\(web.t("staff.nav.users"))</a>
              <a href="/staff/support">\(web.t("staff.nav.support"))</a>
              <a href="/staff/fraud">\(web.t("staff.nav.fraud"))</a>
              <a href="/staff/alerts">\(web.t("staff.nav.alerts"))</a>
              <a href="/staff/branches">\(web.t("staff.nav.branches"))</a>
              <a href="/staff/content">\(web.t("staff.nav.content"))</a>
              <form method="post" action="/staff/sign-out" class="inline">\(Layout.csrfField(web))<button class="link">\(web.t("staff.nav.signOut"))</button></form>
            </nav>
            \(Layout.alert(error))
            \(Markup.when(notice != nil, "<p class=\"notice\" role=\"status\">\(notice ?? "")</p>"))
            \(body)
            """,
            signedIn: false,
            status: status
        )
    }

    /// What the last action did, from `?done=` after a redirect (only the known codes).
    static func done(_ web: Web) -> String? {
        switch web.request.query[String.self, at: "done"] {
        case "completed": web.t("staff.done.completed")
        case "refused": web.t("staff.done.refused")
        case "recorded": web.t("staff.done.recorded")
        case "replied": web.t("staff.done.replied")
        case "closed": web.t("staff.done.closed")
        case "released": web.t("staff.done.released")
        case "rejected": web.t("staff.done.rejected")
        case "saved": web.t("staff.done.saved")
        case "deleted": web.t("staff.done.deleted")
        case "published": web.t("staff.done.published")
        case "offered": "\(web.t("staff.done.offered")) \(web.request.query[Int.self, at: "n"] ?? 0)"
        default: nil
        }
    }

    /// The API's refusal: its title for the alert, its field messages by field; nil for anything else (rethrown).
    static func refusal(_ error: any Error) throws -> (title: String, fields: [String: String]) {
        guard let found = Layout.errors(of: error), case .problem(let problem)? = error as? BankClientError, problem.status != 401 else {
            throw error
        }
        return found
    }

    /// The field messages no input on the form shows, as "field: message" lines under the alert.
    static func otherErrors(_ fields: [String: String], shown: Set<String>) -> Markup {
        let rest = fields.filter { !shown.contains($0.key) }.sorted { $0.key < $1.key }
        let items: [Markup] = rest.map { "<li><code>\($0.key)</code> \($0.value)</li>" }
        return Markup.when(!items.isEmpty, "<ul class=\"alert\">\(items)</ul>")
    }

    /// A path parameter that must be an id.
    static func id(_ web: Web, _ name: String) throws -> UUID {
        guard let id = web.request.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }

    /// The values of a repeated form field (checkboxes).
    static func values(_ web: Web, _ name: String) -> [String] {
        ((try? web.request.content.get([String].self, at: name)) ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// A `datetime-local` value, read as Kazakhstan time.
    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = KazakhstanTime.zone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// A labelled textarea with its error, like `Layout.field`.
    static func area(_ web: Web, _ name: String, label: String, value: String = "", errors: [String: String] = [:], rows: Int = 3) -> Markup {
        let error = errors[name]
        return """
            <label class="field\(Markup(raw: error == nil ? "" : " invalid"))">
              <span>\(label)</span>
              <textarea name="\(name)" rows="\(rows)"\(Markup(raw: error == nil ? "" : " aria-invalid=\"true\""))>\(value)</textarea>
              \(Markup.when(error != nil, "<small class=\"error\">\(error ?? "")</small>"))
            </label>
            """
    }

    /// A labelled select; `options` are (value, text).
    static func select(
        _ web: Web,
        _ name: String,
        label: String,
        options: [(String, String)],
        chosen: String,
        errors: [String: String] = [:]
    ) -> Markup {
        let error = errors[name]
        let items: [Markup] = options.map {
            "<option value=\"\($0.0)\"\(Markup(raw: $0.0 == chosen ? " selected" : ""))>\($0.1)</option>"
        }
        return """
            <label class="field\(Markup(raw: error == nil ? "" : " invalid"))">
              <span>\(label)</span>
              <select name="\(name)">\(items)</select>
              \(Markup.when(error != nil, "<small class=\"error\">\(error ?? "")</small>"))
            </label>
            """
    }

    /// A group of checkboxes under one name; `options` are (value, text).
    static func checkboxes(_ name: String, legend: String, options: [(String, String)], chosen: Set<String>, errors: [String: String] = [:]) -> Markup
    {
        let error = errors[name]
        let items: [Markup] = options.map {
            "<label class=\"choice\"><input type=\"checkbox\" name=\"\(name)\" value=\"\($0.0)\"\(Markup(raw: chosen.contains($0.0) ? " checked" : ""))> \($0.1)</label>"
        }
        return """
            <fieldset\(Markup(raw: error == nil ? "" : " class=\"invalid\""))><legend>\(legend)</legend>\(items)
              \(Markup.when(error != nil, "<small class=\"error\">\(error ?? "")</small>"))</fieldset>
            """
    }

    /// A one-button POST form (complete, release, delete…).
    static func button(_ web: Web, action: String, text: String, style: String = "", testID: String = "") -> Markup {
        let style: Markup = Markup.when(!style.isEmpty, " class=\"\(style)\"")
        let test: Markup = Markup.when(!testID.isEmpty, " data-testid=\"\(testID)\"")
        return "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(Layout.csrfField(web))<button\(style)\(test)>\(text)</button></form>"
    }
}
