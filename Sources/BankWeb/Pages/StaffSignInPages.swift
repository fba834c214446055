import BankAPI
import BankClient
import Foundation
import Vapor

/// Staff sign-in (username, password, the authenticator code) and sign-out. The staff session token lives only in
/// the HttpOnly staff cookie; signing out ends it at the API and clears the cookie.
enum StaffSignInPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "sign-in") { req in signInForm(Web(req)) }
        routes.post("staff", "sign-in") { req in try await signIn(Web(req)) }
        routes.post("staff", "sign-out") { req in try await signOut(Web(req)) }
    }

    static func signInForm(_ web: Web, error: String? = nil, errors: [String: String] = [:]) -> Response {
        web.page(
            web.t("staff.signIn.title"),
            """
            \(Layout.alert(error))
            <form method="post" action="/staff/sign-in" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "username", label: web.t("staff.signIn.username"), value: web.form("username"), errors: errors, extra: "autocomplete=\"username\" required"))
              \(Layout.field(web, "password", label: web.t("staff.signIn.password"), type: "password", errors: errors, extra: "autocomplete=\"current-password\" required"))
              \(Layout.field(web, "code", label: web.t("staff.signIn.code"), errors: errors, extra: "inputmode=\"numeric\" maxlength=\"6\" autocomplete=\"one-time-code\" required"))
              <button>\(web.t("staff.signIn.submit"))</button>
            </form>
            """,
            signedIn: false
        )
    }

    static func signIn(_ web: Web) async throws -> Response {
        do {
            let answer = try await web.staffClient().signIn(username: web.form("username"), password: web.form("password"), code: web.form("code"))
            let response = web.redirect("/staff")
            response.cookies[web.staffCookieName] = web.cookie(answer.token)
            return response
        } catch let error where Layout.errors(of: error) != nil {
            let (title, fields) = Layout.errors(of: error) ?? ("", [:])
            return signInForm(web, error: title, errors: fields)
        }
    }

    /// Ends the session at the API (an already-ended one is fine) and clears the cookie either way.
    static func signOut(_ web: Web) async throws -> Response {
        if web.staffToken?.isEmpty == false {
            try? await web.staffClient().signOut()  // Endpoints.Staff.staffSignOut
        }
        return StaffPages.signedOut(web)
    }
}
