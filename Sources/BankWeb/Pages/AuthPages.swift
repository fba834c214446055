import BankAPI
import BankClient
import Foundation
import Vapor

/// Sign-in with password then the SMS code, registration of a company (BIN) or a sole proprietor (IIN) with the
/// policy and its consents, sign-out, the language switch and §6.2 acceptance of a new edition.
enum AuthPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get { req in
            let web = Web(req)
            return web.redirect(web.token == nil ? "/sign-in" : "/accounts")
        }
        routes.get("lang", ":code") { req in
            let web = Web(req)
            let back = req.query[String.self, at: "back"] ?? "/"
            let response = web.redirect(back.hasPrefix("/") && !back.hasPrefix("//") ? back : "/")
            if let language = Language(rawValue: req.parameters.get("code") ?? "") {
                response.cookies["lang"] = HTTPCookies.Value(
                    string: language.rawValue,
                    maxAge: 60 * 60 * 24 * 365,
                    path: "/",
                    isSecure: web.config.secureCookies,
                    isHTTPOnly: true,
                    sameSite: .lax
                )
            }
            return response
        }
        routes.get("sign-in") { req in signInForm(Web(req)) }
        routes.post("sign-in") { req in try await signIn(Web(req)) }
        routes.post("sign-in", "code") { req in try await signInCode(Web(req)) }
        routes.get("register") { req in try await registrationForm(Web(req)) }
        routes.post("register") { req in try await startRegistration(Web(req)) }
        routes.post("register", "code") { req in try await registrationCode(Web(req)) }
        routes.post("sign-out") { req in
            let web = Web(req)
            try? await web.client().signOut()
            let response = web.redirect("/sign-in")
            response.cookies[web.sessionCookieName] = web.cookie("", maxAge: 0)
            return response
        }
        PasskeyPages.register(routes)
        routes.get("policy", "accept") { req in try await policyForm(Web(req)) }
        routes.post("policy", "accept") { req in
            let web = Web(req)
            try await web.client().acceptPolicy(version: Int(web.form("version")) ?? 0)
            return web.redirect("/accounts")
        }
    }

    // MARK: sign-in

    static func signInForm(_ web: Web, phone: String = "", error: String? = nil, fields: [String: String] = [:]) -> Response {
        web.page(
            web.t("signIn.title"),
            """
            \(Layout.alert(error))
            <form method="post" action="/sign-in" class="card">
              \(Layout.csrfField(web))
              \(Layout.field(web, "phone", label: web.t("field.phone"), value: phone, type: "tel", errors: fields, extra: "autocomplete=\"tel\" required"))
              \(Layout.field(web, "password", label: web.t("field.password"), type: "password", errors: fields, extra: "autocomplete=\"current-password\" required"))
              <button>\(web.t("signIn.submit"))</button>
            </form>
            \(PasskeyPages.signInButton(web))
            <p>\(web.t("signIn.new")) <a href="/register">\(web.t("signIn.register"))</a></p>
            """,
            signedIn: false
        )
    }

    static func signIn(_ web: Web) async throws -> Response {
        let phone = web.form("phone")
        do {
            switch try await web.client(token: nil).signIn(phone: phone, password: web.form("password"), device: web.device) {
            case .signedIn(let grant): return signedIn(web, grant)
            case .codeSent(let challenge): return codeForm(web, action: "/sign-in/code", challenge: challenge)
            }
        } catch let error where Layout.errors(of: error) != nil {
            let (title, fields) = Layout.errors(of: error) ?? ("", [:])
            return signInForm(web, phone: phone, error: title, fields: fields)
        }
    }

    static func signInCode(_ web: Web) async throws -> Response {
        guard let challenge = challenge(web) else { return web.redirect("/sign-in") }
        do {
            return signedIn(web, try await web.client(token: nil).verifySignIn(challenge, code: web.form("code")))
        } catch let error where Layout.errors(of: error) != nil {
            return codeForm(web, action: "/sign-in/code", challenge: challenge, error: Layout.errors(of: error)?.title)
        }
    }

    /// The code form: one-time-code autocomplete, and WebOTP fills it from the origin-bound SMS (§2.3.6, app.js).
    static func codeForm(_ web: Web, action: String, challenge: OtpChallengeResponse, error: String? = nil) -> Response {
        web.page(
            web.t("code.title"),
            """
            \(Layout.alert(error))
            <p>\(web.t("code.sentTo")) \(challenge.phoneMasked)</p>
            <form method="post" action="\(action)" class="card" data-webotp>
              \(Layout.csrfField(web))
              <input type="hidden" name="challengeId" value="\(challenge.challengeId.uuidString)">
              <input type="hidden" name="expiresAt" value="\(ISO8601DateFormatter().string(from: challenge.expiresAt))">
              <input type="hidden" name="phoneMasked" value="\(challenge.phoneMasked)">
              <label class="field"><span>\(web.t("field.code"))</span>
                <input name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus>
              </label>
              <button>\(web.t("code.submit"))</button>
            </form>
            """,
            signedIn: false
        )
    }

    static func challenge(_ web: Web) -> OtpChallengeResponse? {
        guard let id = UUID(uuidString: web.form("challengeId")) else { return nil }
        let expires = ISO8601DateFormatter().date(from: web.form("expiresAt")) ?? Date()
        return OtpChallengeResponse(challengeId: id, expiresAt: expires, phoneMasked: web.form("phoneMasked"), resendAvailableAt: expires)
    }

    static func signedIn(_ web: Web, _ grant: SessionGrant) -> Response {
        let response = web.redirect("/accounts")
        response.cookies[web.sessionCookieName] = web.cookie(grant.token)
        return response
    }

    // MARK: registration

    static func registrationForm(
        _ web: Web,
        values: [String: String] = [:],
        error: String? = nil,
        fields: [String: String] = [:]
    )
        async throws -> Response
    {
        let policy = try await web.client(token: nil).send(Endpoints.Privacy.getCurrentPolicy)
        let soleProprietor = values["company.kind"] == "sole_proprietor"
        func field(_ name: String, _ key: String, type: String = "text", extra: String = "") -> Markup {
            Layout.field(web, name, label: web.t(key), value: values[name] ?? "", type: type, errors: fields, extra: extra)
        }
        return web.page(
            web.t("register.title"),
            """
            \(Layout.alert(error))
            <form method="post" action="/register" class="card">
              \(Layout.csrfField(web))
              <fieldset><legend>\(web.t("register.kind"))</legend>
                <label class="choice"><input type="radio" name="company.kind" value="legal_entity"\(Markup(raw: soleProprietor ? "" : " checked"))> \(web.t("register.legalEntity"))</label>
                <label class="choice"><input type="radio" name="company.kind" value="sole_proprietor"\(Markup(raw: soleProprietor ? " checked" : ""))> \(web.t("register.soleProprietor"))</label>
              </fieldset>
              \(field("company.name", "field.companyName", extra: "required"))
              \(field("company.bin", "field.bin", extra: "inputmode=\"numeric\" maxlength=\"12\" required"))
              \(field("person.fullName", "field.fullName", extra: "autocomplete=\"name\" required"))
              \(field("person.iin", "field.iin", extra: "inputmode=\"numeric\" maxlength=\"12\" required"))
              \(field("person.phone", "field.phone", type: "tel", extra: "autocomplete=\"tel\" required"))
              \(field("person.email", "field.email", type: "email", extra: "autocomplete=\"email\" required"))
              \(field("password", "field.newPassword", type: "password", extra: "autocomplete=\"new-password\" minlength=\"12\" required"))
              <details class="policy"><summary>\(web.t("register.policy")) (\(policy.lastUpdated))</summary><div class="policy-text">\(policy.text)</div></details>
              <input type="hidden" name="policyVersion" value="\(policy.version)">
              <label class="choice\(Markup(raw: fields["acceptPolicy"] == nil ? "" : " invalid"))"><input type="checkbox" name="acceptPolicy" value="true" required> \(web.t("register.accept"))</label>
              <label class="choice\(Markup(raw: fields["consentToAccountCreation"] == nil ? "" : " invalid"))"><input type="checkbox" name="consentToAccountCreation" value="true" required> \(web.t("register.consent"))</label>
              <p class="hint">\(web.t("register.consentsLater"))</p>
              <button>\(web.t("register.submit"))</button>
            </form>
            """,
            signedIn: false
        )
    }

    static func startRegistration(_ web: Web) async throws -> Response {
        let names = ["company.kind", "company.name", "company.bin", "person.fullName", "person.iin", "person.phone", "person.email"]
        var values: [String: String] = [:]
        for name in names { values[name] = web.form(name) }
        let request = RegistrationRequest(
            company: .init(name: web.form("company.name"), bin: web.form("company.bin"), kind: web.form("company.kind")),
            person: .init(
                fullName: web.form("person.fullName"),
                iin: web.form("person.iin"),
                phone: web.form("person.phone"),
                email: web.form("person.email")
            ),
            password: web.form("password"),
            policyVersion: Int(web.form("policyVersion")) ?? 0,
            acceptPolicy: web.form("acceptPolicy") == "true",
            consentToAccountCreation: web.form("consentToAccountCreation") == "true",
            device: web.device
        )
        do {
            return codeForm(web, action: "/register/code", challenge: try await web.client(token: nil).register(request))
        } catch let error where Layout.errors(of: error) != nil {
            let (title, fields) = Layout.errors(of: error) ?? ("", [:])
            return try await registrationForm(web, values: values, error: title, fields: fields)
        }
    }

    static func registrationCode(_ web: Web) async throws -> Response {
        guard let challenge = challenge(web) else { return web.redirect("/register") }
        do {
            return signedIn(web, try await web.client(token: nil).verifyRegistration(challenge, code: web.form("code")))
        } catch let error where Layout.errors(of: error) != nil {
            return codeForm(web, action: "/register/code", challenge: challenge, error: Layout.errors(of: error)?.title)
        }
    }

    // MARK: §6.2

    static func policyForm(_ web: Web) async throws -> Response {
        let policy = try await web.client(token: nil).send(Endpoints.Privacy.getCurrentPolicy)
        return web.page(
            policy.title,
            """
            <p>\(web.t("policy.new"))</p>
            <div class="policy-text card">\(policy.text)</div>
            <form method="post" action="/policy/accept">\(Layout.csrfField(web))
              <input type="hidden" name="version" value="\(policy.version)">
              <button>\(web.t("policy.accept"))</button>
            </form>
            """,
            signedIn: false
        )
    }
}
