import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §4.1 "the user may change (update, complete) all or part of their personal data at any time", from the profile:
/// the e-mail address after a step-up SMS code to the person's phone and then the code e-mailed to the new address;
/// the phone number with one code to the current number and one to the new, both on one form. Every rule (codes,
/// attempts, uniqueness) stays in the API; these forms only carry its codes back.
enum ContactChangePages {
    static func register(_ routes: any RoutesBuilder) {
        routes.post("profile", "email") { req in try await startEmail(Web(req)) }
        routes.post("profile", "email", "confirm") { req in try await confirmEmail(Web(req)) }
        routes.post("profile", "phone") { req in try await startPhone(Web(req)) }
        routes.post("profile", "phone", "confirm") { req in try await confirmPhone(Web(req)) }
    }

    /// The two forms on the profile page.
    static func forms(_ web: Web, me: UserProfile, errors: [String: String]) -> Markup {
        """
        <h2 id="contacts">\(web.t("profile.contacts"))</h2>
        <form method="post" action="/profile/email" class="card">\(Layout.csrfField(web))
          \(Layout.field(web, "email", label: web.t("field.email"), value: me.email ?? "", type: "email", errors: errors, extra: "required autocomplete=\"email\""))
          <button data-testid="change-email">\(web.t("profile.changeEmail"))</button>
        </form>
        <form method="post" action="/profile/phone" class="card">\(Layout.csrfField(web))
          <p>\(web.t("profile.currentPhone")) \(me.phoneMasked)</p>
          \(Layout.field(web, "phone", label: web.t("profile.newPhone"), type: "tel", errors: errors, extra: "required autocomplete=\"tel\" placeholder=\"+7 7XX XXX XX XX\""))
          <button data-testid="change-phone">\(web.t("profile.changePhone"))</button>
        </form>
        """
    }

    /// First POST: the API asks for a step-up code (202); second POST (with `challengeId` and `code`): the same
    /// request confirmed, and the API e-mails its code to the new address.
    static func startEmail(_ web: Web) async throws -> Response {
        let body = EmailChangeRequest(email: web.form("email"))
        let client = web.client()
        let confirming = !web.form("challengeId").isEmpty
        do {
            let started: EmailChangeStarted
            if confirming {
                let stepUp = try ServiceKit.challenge(web)
                started = try await client.confirm(
                    Endpoints.Sessions.startEmailChange,
                    NoParameters(),
                    body: body,
                    challenge: stepUp,
                    code: web.form("code")
                )
            } else {
                switch try await client.call(Endpoints.Sessions.startEmailChange, NoParameters(), body: body) {
                case .codeSent(let stepUp): return stepUpPage(web, stepUp, email: body.email, error: nil)
                case .done(let value): started = value
                }
            }
            return emailCodePage(web, challengeID: started.challengeId, emailMasked: started.emailMasked, error: nil)
        } catch let error where Layout.errors(of: error) != nil {
            if confirming, ServiceKit.wrongCode(error) { return stepUpPage(web, try ServiceKit.challenge(web), email: body.email, error: error) }
            return try await backToProfile(web, error)
        }
    }

    static func confirmEmail(_ web: Web) async throws -> Response {
        let challengeID = try ServiceKit.challenge(web).challengeId
        do {
            _ = try await web.client().send(Endpoints.Sessions.confirmEmailChange, body: OtpAnswer(challengeId: challengeID, code: web.form("code")))
            return try await PrivacyPages.profile(web, notice: web.t("profile.emailChanged"))
        } catch let error where Layout.errors(of: error) != nil {
            if ServiceKit.wrongCode(error) { return emailCodePage(web, challengeID: challengeID, emailMasked: web.form("emailMasked"), error: error) }
            return try await backToProfile(web, error)
        }
    }

    static func startPhone(_ web: Web) async throws -> Response {
        do {
            let started = try await web.client().send(Endpoints.Sessions.startPhoneChange, body: PhoneChangeRequest(phone: web.form("phone")))
            return phoneCodesPage(web, challengeID: started.challengeId, old: started.oldPhoneMasked, new: started.newPhoneMasked, error: nil)
        } catch let error where Layout.errors(of: error) != nil {
            return try await backToProfile(web, error)
        }
    }

    static func confirmPhone(_ web: Web) async throws -> Response {
        let challengeID = try ServiceKit.challenge(web).challengeId
        let body = PhoneChangeConfirmation(
            challengeId: challengeID,
            codeFromOldPhone: web.form("codeFromOldPhone"),
            codeFromNewPhone: web.form("codeFromNewPhone")
        )
        do {
            _ = try await web.client().send(Endpoints.Sessions.confirmPhoneChange, body: body)
            return try await PrivacyPages.profile(web, notice: web.t("profile.phoneChanged"))
        } catch let error where Layout.errors(of: error) != nil {
            if ServiceKit.wrongCode(error) {
                return phoneCodesPage(web, challengeID: challengeID, old: web.form("oldPhoneMasked"), new: web.form("newPhoneMasked"), error: error)
            }
            return try await backToProfile(web, error)
        }
    }

    // MARK: - Pages

    static func stepUpPage(_ web: Web, _ challenge: OtpChallengeResponse, email: String, error: (any Error)?) -> Response {
        web.page(
            web.t("code.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            <p>\(web.t("employees.stepUp"))</p>
            \(ServiceKit.codeForm(web, action: "/profile/email", challenge: challenge, fields: [("email", email)], button: web.t("code.submit")))
            \(backLink(web))
            """
        )
    }

    static func emailCodePage(_ web: Web, challengeID: UUID, emailMasked: String, error: (any Error)?) -> Response {
        web.page(
            web.t("code.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            <form method="post" action="/profile/email/confirm" class="card">\(Layout.csrfField(web))
              <p>\(web.t("profile.emailCodeSent")) \(emailMasked)</p>
              <input type="hidden" name="challengeId" value="\(challengeID.uuidString)">
              <input type="hidden" name="emailMasked" value="\(emailMasked)">
              \(codeInput(web, "code", label: web.t("field.emailCode"), autofocus: true))
              <button>\(web.t("code.submit"))</button>
            </form>
            \(backLink(web))
            """
        )
    }

    static func phoneCodesPage(_ web: Web, challengeID: UUID, old: String, new: String, error: (any Error)?) -> Response {
        web.page(
            web.t("code.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            <form method="post" action="/profile/phone/confirm" class="card">\(Layout.csrfField(web))
              <p>\(web.t("profile.phoneCodesSent"))</p>
              <input type="hidden" name="challengeId" value="\(challengeID.uuidString)">
              <input type="hidden" name="oldPhoneMasked" value="\(old)">
              <input type="hidden" name="newPhoneMasked" value="\(new)">
              \(codeInput(web, "codeFromOldPhone", label: "\(web.t("field.codeFromOldPhone")) \(old)", autofocus: true))
              \(codeInput(web, "codeFromNewPhone", label: "\(web.t("field.codeFromNewPhone")) \(new)", autofocus: false))
              <button>\(web.t("code.submit"))</button>
            </form>
            \(backLink(web))
            """
        )
    }

    static func codeInput(_ web: Web, _ name: String, label: String, autofocus: Bool) -> Markup {
        """
        <label class="field"><span>\(label)</span>
          <input name="\(name)" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required\(
            Markup(raw: autofocus ? " autofocus" : ""))></label>
        """
    }

    static func backLink(_ web: Web) -> Markup { "<p><a href=\"/profile\">\(web.t("profile.title"))</a></p>" }

    static func backToProfile(_ web: Web, _ error: any Error) async throws -> Response {
        let (title, fields) = Layout.errors(of: error) ?? ("", [:])
        return try await PrivacyPages.profile(web, error: title, errors: fields)
    }
}
