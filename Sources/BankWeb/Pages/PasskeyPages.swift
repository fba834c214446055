import BankAPI
import BankClient
import Foundation
import Vapor

/// Passkeys, the web's biometric sign-in (§1.1): the browser's platform authenticator holds a P-256 key behind the
/// fingerprint, face or PIN (user verification required); the bank keeps only the public key, enrolled as this
/// browser's device key with a step-up code. Signing in, the authenticator signs the API's one-time nonce
/// (WebAuthn assertion), which the API verifies. Without JavaScript or a platform authenticator nothing changes:
/// password and SMS code remain.
enum PasskeyPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.post("passkey", "enrol") { req in try await enrol(Web(req)) }
        routes.post("passkey", "enrol", "code") { req in try await enrolCode(Web(req)) }
        routes.post("passkey", "challenge") { req in try await challenge(Web(req)) }
        routes.post("passkey", "sign-in") { req in try await signIn(Web(req)) }
    }

    /// The button on the profile page; app.js makes the credential and posts its public key here.
    static func enrolButton(_ web: Web) -> Markup {
        """
        <form method="post" action="/passkey/enrol" class="card" data-passkey-enrol hidden>\(Layout.csrfField(web))
          <p>\(web.t("passkey.explain"))</p>
          <input type="hidden" name="publicKey">
          <button type="button" data-passkey-create>\(web.t("passkey.add"))</button>
        </form>
        """
    }

    /// On the sign-in page: the phone from the form, then the authenticator.
    static func signInButton(_ web: Web) -> Markup {
        """
        <form method="post" action="/passkey/sign-in" data-passkey-sign-in hidden>\(Layout.csrfField(web))
          <input type="hidden" name="challengeId"><input type="hidden" name="signature">
          <input type="hidden" name="authenticatorData"><input type="hidden" name="clientDataJSON">
          <button type="button" class="secondary" data-passkey-get>\(web.t("passkey.signIn"))</button>
        </form>
        """
    }

    static func enrol(_ web: Web) async throws -> Response {
        let enrolment = DeviceKeyEnrolment(publicKey: web.form("publicKey"))
        let client = web.client()
        switch try await client.call(Endpoints.Sessions.enrollDeviceKey, NoParameters(), body: enrolment) {
        case .done: return web.redirect("/profile")
        case .codeSent(let challenge):
            return web.page(
                web.t("passkey.add"),
                """
                <p>\(web.t("code.sentTo")) \(challenge.phoneMasked)</p>
                <form method="post" action="/passkey/enrol/code" class="card" data-webotp>\(Layout.csrfField(web))
                  <input type="hidden" name="publicKey" value="\(enrolment.publicKey)">
                  <input type="hidden" name="challengeId" value="\(challenge.challengeId.uuidString)">
                  <label class="field"><span>\(web.t("field.code"))</span>
                    <input name="code" inputmode="numeric" maxlength="6" autocomplete="one-time-code" required autofocus></label>
                  <button>\(web.t("code.submit"))</button>
                </form>
                """
            )
        }
    }

    static func enrolCode(_ web: Web) async throws -> Response {
        guard let id = UUID(uuidString: web.form("challengeId")) else { throw Abort(.badRequest) }
        let challenge = OtpChallengeResponse(challengeId: id, expiresAt: Date(), phoneMasked: "", resendAvailableAt: Date())
        _ = try await web.client().confirm(
            Endpoints.Sessions.enrollDeviceKey,
            NoParameters(),
            body: DeviceKeyEnrolment(publicKey: web.form("publicKey")),
            challenge: challenge,
            code: web.form("code")
        )
        return web.redirect("/profile")
    }

    /// JSON for app.js: the API's nonce for this phone and this browser.
    static func challenge(_ web: Web) async throws -> Response {
        let request = DeviceChallengeRequest(phone: web.form("phone"), deviceId: web.deviceID)
        let challenge = try await web.client(token: nil).send(Endpoints.Identity.createDeviceChallenge, body: request)
        let json = try JSONEncoder().encode(["challengeId": challenge.challengeId.uuidString, "nonce": challenge.nonce])
        return web.finish(Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: json)))
    }

    static func signIn(_ web: Web) async throws -> Response {
        guard let id = UUID(uuidString: web.form("challengeId")) else { return web.redirect("/sign-in") }
        let request = DeviceSignInRequest(
            challengeId: id,
            signature: web.form("signature"),
            webAuthn: WebAuthnAssertion(authenticatorData: web.form("authenticatorData"), clientDataJSON: web.form("clientDataJSON"))
        )
        do {
            return AuthPages.signedIn(web, try await web.client(token: nil).send(Endpoints.Identity.deviceSignIn, body: request))
        } catch let error where Layout.errors(of: error) != nil {
            return AuthPages.signInForm(web, error: Layout.errors(of: error)?.title)
        }
    }
}
