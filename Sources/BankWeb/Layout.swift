import BankClient
import Foundation
import Vapor

/// The one layout every page shares: the header with the language switcher, the navigation, and on every page,
/// signed in or not, "report unauthorised use" (§5.2) with 7711 as a `tel:` link.
enum Layout {
    static func page(_ web: Web, title: String, body: Markup, signedIn: Bool) -> Markup {
        let path = web.request.url.path
        let languages: [Markup] = Language.allCases.map { language in
            let current = language == web.language
            return
                "<a href=\"/lang/\(language.rawValue)?back=\(path)\" lang=\"\(language.rawValue)\"\(Markup(raw: current ? " aria-current=\"true\"" : ""))>\(language.rawValue.uppercased())</a>"
        }
        let nav: Markup =
            signedIn
            ? """
            <nav class="nav" aria-label="\(web.t("nav.label"))">
              <a href="/accounts">\(web.t("nav.accounts"))</a>
              <a href="/payments">\(web.t("nav.payments"))</a>
              <a href="/templates">\(web.t("nav.templates"))</a>
              <a href="/payroll">\(web.t("nav.payroll"))</a>
              <a href="/employees">\(web.t("nav.employees"))</a>
              <a href="/inbox">\(web.t("nav.inbox"))</a>
              <a href="/support">\(web.t("nav.support"))</a>
              <a href="/documents">\(web.t("nav.documents"))</a>
              <a href="/privacy">\(web.t("nav.privacy"))</a>
              <a href="/profile">\(web.t("nav.profile"))</a>
              <form method="post" action="/sign-out" class="inline">\(csrfField(web))<button class="link">\(web.t("nav.signOut"))</button></form>
            </nav>
            """ : ""
        return """
            <!doctype html>
            <html lang="\(web.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · BizBank</title>
            <link rel="stylesheet" href="/static/app.css">
            <link rel="manifest" href="/static/manifest.webmanifest">
            <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
            <meta name="theme-color" content="#0b5d4b">
            <script src="/static/app.js" defer></script>
            </head>
            <body>
            <header class="top">
              <a class="brand" href="/">BizBank</a>
              <div class="langs" role="group" aria-label="\(web.t("lang.label"))">\(languages)</div>
            </header>
            \(nav)
            <main>
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer class="foot">
              <a class="report" href="/report">\(web.t("report.link"))</a>
              <a href="tel:7711">7711</a>
              <span>\(web.t("footer.free"))</span>
              <a href="/branches">\(web.t("nav.branches"))</a>
            </footer>
            </body>
            </html>
            """
    }

    static func csrfField(_ web: Web) -> Markup { "<input type=\"hidden\" name=\"_csrf\" value=\"\(web.csrf)\">" }

    /// A labelled input with its error, if the API named this field.
    static func field(
        _ web: Web,
        _ name: String,
        label: String,
        value: String = "",
        type: String = "text",
        errors: [String: String] = [:],
        extra: String = ""
    ) -> Markup {
        let error = errors[name]
        return """
            <label class="field\(Markup(raw: error == nil ? "" : " invalid"))">
              <span>\(label)</span>
              <input name="\(name)" type="\(type)" value="\(value)"\(Markup(raw: extra.isEmpty ? "" : " " + extra))\(Markup(raw: error == nil ? "" : " aria-invalid=\"true\""))>
              \(Markup.when(error != nil, "<small class=\"error\">\(error ?? "")</small>"))
            </label>
            """
    }

    /// The problem's title and its field messages, keyed by field, for a form to show.
    static func errors(of error: any Error) -> (title: String, fields: [String: String])? {
        guard case .problem(let problem) = error as? BankClientError else { return nil }
        var fields: [String: String] = [:]
        for field in problem.errors ?? [] { fields[field.field] = field.message }
        return (problem.title, fields)
    }

    static func alert(_ text: String?) -> Markup { Markup.when(text != nil, "<p class=\"alert\" role=\"alert\">\(text ?? "")</p>") }
}

/// Errors as pages: a lost session goes to sign-in, a new policy edition to its acceptance, anything else a short page.
enum ErrorPage {
    static func response(for error: any Error, request: Request) async throws -> Response {
        let web = Web(request)
        switch error as? BankClientError {
        case .sessionExpired?, .notSignedIn?:
            let response = web.redirect(request.url.path.hasPrefix("/staff") ? "/staff/sign-in" : "/sign-in")
            response.cookies[request.url.path.hasPrefix("/staff") ? web.staffCookieName : web.sessionCookieName] = web.cookie("", maxAge: 0)
            return response
        case .policyAcceptanceRequired?:
            return web.redirect("/policy/accept")
        default: break
        }
        if let abort = error as? any AbortError {
            let key = abort.status == .forbidden ? "error.forbidden" : abort.status == .notFound ? "error.notFound" : "error.generic"
            return web.page(
                web.t("error.title"),
                "<p>\(web.t(key))</p><p><a href=\"/\">\(web.t("error.home"))</a></p>",
                signedIn: false,
                status: abort.status
            )
        }
        if let (title, _) = Layout.errors(of: error) {
            return web.page(
                web.t("error.title"),
                "<p>\(title)</p><p><a href=\"/\">\(web.t("error.home"))</a></p>",
                signedIn: web.token != nil,
                status: .ok
            )
        }
        request.logger.warning("web page failed: \(String(describing: type(of: error)))")
        return web.page(web.t("error.title"), "<p>\(web.t("error.generic"))</p>", signedIn: false, status: .badGateway)
    }
}
