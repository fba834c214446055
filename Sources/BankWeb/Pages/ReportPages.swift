import BankAPI
import BankClient
import Foundation
import Vapor

/// §5.2 "report unauthorised use", on every page: signed in, one press blocks access at once; signed out, the phone
/// and the SMS code sent to it. The answer names 7711.
enum ReportPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("report") { req in form(Web(req)) }
        routes.post("report") { req in try await report(Web(req)) }
        routes.post("report", "start") { req in try await start(Web(req)) }
        routes.post("report", "code") { req in try await confirm(Web(req)) }
    }

    static func form(_ web: Web, error: String? = nil) -> Response {
        let signedIn = web.token != nil
        let body: Markup =
            signedIn
            ? """
            <form method="post" action="/report" class="card">\(Layout.csrfField(web))
              <button class="danger">\(web.t("report.block"))</button>
            </form>
            """
            : """
            <form method="post" action="/report/start" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "phone", label: web.t("field.phone"), type: "tel", extra: "autocomplete=\"tel\" required"))
              <button class="danger">\(web.t("report.sendCode"))</button>
            </form>
            """
        return web.page(
            web.t("report.title"),
            """
            \(Layout.alert(error))
            <p>\(web.t("report.explain"))</p>
            \(body)
            <p>\(web.t("report.call")) <a href="tel:7711">7711</a></p>
            """,
            signedIn: signedIn
        )
    }

    static func done(_ web: Web, _ result: SecurityReportResult) -> Response {
        let response = web.page(
            web.t("report.done"),
            "<p role=\"status\">\(result.message)</p><p><a href=\"tel:\(result.contactPhone)\">\(result.contactPhone)</a></p>",
            signedIn: false
        )
        response.cookies[web.sessionCookieName] = web.cookie("", maxAge: 0)
        return response
    }

    static func report(_ web: Web) async throws -> Response {
        done(web, try await web.client().send(Endpoints.Sessions.reportUnauthorisedUse))
    }

    static func start(_ web: Web) async throws -> Response {
        do {
            let started = try await web.client(token: nil).send(
                Endpoints.Identity.startUnauthorisedUseReport,
                body: UnauthorisedUseStart(phone: web.form("phone"))
            )
            return web.page(
                web.t("report.title"),
                """
                <form method="post" action="/report/code" class="card" data-webotp>\(Layout.csrfField(web))
                  <input type="hidden" name="challengeId" value="\(started.challengeId.uuidString)">
                  <label class="field"><span>\(web.t("field.code"))</span>
                    <input name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus></label>
                  <button class="danger">\(web.t("report.block"))</button>
                </form>
                """,
                signedIn: false
            )
        } catch let error where Layout.errors(of: error) != nil {
            return form(web, error: Layout.errors(of: error)?.title)
        }
    }

    static func confirm(_ web: Web) async throws -> Response {
        guard let id = UUID(uuidString: web.form("challengeId")) else { return web.redirect("/report") }
        do {
            return done(
                web,
                try await web.client(token: nil).send(
                    Endpoints.Identity.confirmUnauthorisedUseReport,
                    body: OtpAnswer(challengeId: id, code: web.form("code"))
                )
            )
        } catch let error where Layout.errors(of: error) != nil {
            return form(web, error: Layout.errors(of: error)?.title)
        }
    }
}
