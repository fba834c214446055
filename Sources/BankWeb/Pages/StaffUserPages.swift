import BankAPI
import BankClient
import Foundation
import Vapor

/// A recorded read of one client's personal data (`staffReadUser`): by user id, with the reason the API requires
/// and records (the client sees it in their export). Posted, so neither the id nor the reason is in a URL.
enum StaffUserPages {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "users") { web in lookup(web) }
        StaffPages.post(routes, "users") { web in try await read(web) }
    }

    static func lookup(_ web: Web, user: StaffUserView? = nil, error: String? = nil, errors: [String: String] = [:]) -> Response {
        StaffPages.page(
            web,
            web.t("staff.users.title"),
            """
            <p class="hint">\(web.t("staff.users.explain"))</p>
            <form method="post" action="/staff/users" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "userId", label: web.t("staff.users.userId"), value: web.form("userId"), errors: errors, extra: "required"))
              \(Layout.field(web, "reason", label: web.t("staff.users.reason"), value: web.form("reason"), errors: errors, extra: "required maxlength=\"500\""))
              <button>\(web.t("staff.users.read"))</button>
            </form>
            \(StaffPages.otherErrors(errors, shown: ["userId", "reason"]))
            \(user.map { card(web, $0) } ?? "")
            """,
            error: error
        )
    }

    static func card(_ web: Web, _ user: StaffUserView) -> Markup {
        func row(_ key: String, _ value: String) -> Markup { "<dt>\(web.t(key))</dt><dd>\(value)</dd>" }
        let companies: [Markup] = user.companies.map { "<li>\($0.name) · \(web.t("staff.users.bin")) \($0.bin) · \($0.role)</li>" }
        let id = user.id.uuidString
        return """
            <section class="card" data-testid="user-card">
              <dl class="order">
                \(row("staff.users.fullName", user.fullName))
                \(row("staff.users.iin", user.iin))
                \(row("staff.users.phone", user.phone))
                \(row("staff.users.email", user.email))
                \(row("staff.users.status", user.status))
              </dl>
              <h2>\(web.t("staff.users.companies"))</h2><ul>\(companies)</ul>
              <p><a href="/staff/disclosures?userId=\(id)">\(web.t("staff.users.disclosures"))</a> ·
                <a href="/staff/disclosures/new?userId=\(id)">\(web.t("staff.disclosures.record"))</a></p>
            </section>
            """
    }

    static func read(_ web: Web) async throws -> Response {
        guard let id = UUID(uuidString: web.form("userId")) else {
            return lookup(web, error: web.t("staff.users.badId"), errors: ["userId": web.t("staff.users.badId")])
        }
        do {
            let reason = URLQueryItem(name: "reason", value: web.form("reason"))
            let user = try await web.staffClient().send(Endpoints.Staff.staffReadUser, id, query: [reason])
            return lookup(web, user: user)
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return lookup(web, error: title, errors: fields)
        }
    }
}
