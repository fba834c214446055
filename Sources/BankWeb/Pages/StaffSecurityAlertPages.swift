import BankAPI
import BankClient
import Foundation
import Vapor

/// §5.2 the fraud team's security alerts (reports of unauthorised use): the open ones, newest first, each marked
/// handled once. The alert names the person by id only; reading who they are is the recorded read under Users.
enum StaffSecurityAlertPages {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "alerts") { web in try await list(web) }
        StaffPages.post(routes, "alerts", ":alertId", "handle") { web in try await handle(web) }
    }

    static func list(_ web: Web, error: String? = nil) async throws -> Response {
        let cursor = web.request.query[String.self, at: "cursor"]
        let page = try await web.staffClient().send(
            Endpoints.Staff.staffListSecurityAlerts,
            query: cursor.map { [URLQueryItem(name: "cursor", value: $0)] } ?? []
        )
        let rows: [Markup] = page.items.map { alert in
            let id = alert.id.uuidString
            return """
                <li class="card" data-testid="alert-\(id)">
                  <p><strong>\(web.t("staff.alerts.kind.\(alert.kind)"))</strong> · \(KazakhstanTime.text(alert.createdAt)) ·
                    \(web.t("staff.alerts.channel.\(alert.channel)"))</p>
                  <p>\(web.t("staff.alerts.user")) <code>\(alert.userId.uuidString)</code> ·
                    <a href="/staff/users">\(web.t("staff.nav.users"))</a></p>
                  <p class="hint"><code>\(id)</code></p>
                  \(StaffPages.button(web, action: "/staff/alerts/\(id)/handle", text: web.t("staff.alerts.handle"), testID: "handle-\(id)"))
                </li>
                """
        }
        let next = page.nextCursor.map { "/staff/alerts?cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        let notice = web.request.query[String.self, at: "done"] == "handled" ? web.t("staff.alerts.handled") : nil
        return StaffPages.page(
            web,
            web.t("staff.alerts.title"),
            """
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.alerts.empty"))</p>"))
            <ul class="orders">\(rows)</ul>
            \(Markup.when(next != nil, "<p><a href=\"\(next ?? "")\">\(web.t("staff.alerts.more"))</a></p>"))
            """,
            notice: notice,
            error: error
        )
    }

    static func handle(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "alertId")
        do {
            _ = try await web.staffClient().send(Endpoints.Staff.staffHandleSecurityAlert, id)
            return web.redirect("/staff/alerts?done=handled")
        } catch {
            let (title, _) = try StaffPages.refusal(error)
            return try await list(web, error: title)
        }
    }
}
