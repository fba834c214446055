import BankAPI
import BankClient
import Foundation
import Vapor

/// Staff sign-in with the authenticator code, and the privacy-request queue nearest deadline first.
enum StaffPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("staff") { req in try await queue(Web(req)) }
        routes.get("staff", "sign-in") { req in signInForm(Web(req)) }
        routes.post("staff", "sign-in") { req in try await signIn(Web(req)) }
    }

    static func signInForm(_ web: Web, error: String? = nil) -> Response {
        web.page(
            web.t("staff.signIn"),
            """
            \(Layout.alert(error))
            <form method="post" action="/staff/sign-in" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "username", label: web.t("field.username"), extra: "autocomplete=\"username\" required"))
              \(Layout.field(web, "password", label: web.t("field.password"), type: "password", extra: "autocomplete=\"current-password\" required"))
              \(Layout.field(web, "code", label: web.t("field.authenticator"), extra: "inputmode=\"numeric\" maxlength=\"6\" autocomplete=\"one-time-code\" required"))
              <button>\(web.t("signIn.submit"))</button>
            </form>
            """,
            signedIn: false
        )
    }

    static func signIn(_ web: Web) async throws -> Response {
        do {
            let staff = web.staffClient()
            let answer = try await staff.signIn(username: web.form("username"), password: web.form("password"), code: web.form("code"))
            let response = web.redirect("/staff")
            response.cookies[web.staffCookieName] = web.cookie(answer.token)
            return response
        } catch let error where Layout.errors(of: error) != nil {
            return signInForm(web, error: Layout.errors(of: error)?.title)
        }
    }

    static func queue(_ web: Web) async throws -> Response {
        guard web.staffToken != nil else { return web.redirect("/staff/sign-in") }
        let requests = try await web.staffClient().send(Endpoints.Staff.staffListPrivacyRequests).items.sorted { $0.dueAt < $1.dueAt }
        let rows: [Markup] = requests.map {
            "<li>\(web.t("request." + $0.kind)) · \(web.t("requestStatus." + $0.status)) · \(web.t("privacy.due")) \(KazakhstanTime.text($0.dueAt))</li>"
        }
        return web.page(web.t("staff.queue"), "<ul>\(rows)</ul>", signedIn: false)
    }
}
