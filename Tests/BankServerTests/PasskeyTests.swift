import BankAPI
import Crypto
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 12, §1.1: a passkey (WebAuthn, platform authenticator, user verification required) is the web's biometric
/// sign-in. The browser signs `authenticatorData ‖ SHA-256(clientDataJSON)`; the server checks the nonce it issued,
/// the origin, the RP id hash, the UP and UV flags and the signature with the enrolled public key (swift-crypto).
@Suite("Passkeys")
struct PasskeyTests {
    struct Assertion {
        var origin = "http://localhost:8080"
        var rpID = "localhost"
        var type = "webauthn.get"
        var flags: UInt8 = 0x05
        var challenge: String?

        func make(_ key: P256.Signing.PrivateKey, nonce: Data) throws -> (WebAuthnAssertion, String) {
            var authenticatorData = Data(SHA256.hash(data: Data(rpID.utf8)))
            authenticatorData.append(flags)
            authenticatorData.append(contentsOf: [0, 0, 0, 7])
            let client =
                #"{"type":"\#(type)","challenge":"\#(challenge ?? nonce.base64URLEncodedString())","origin":"\#(origin)","crossOrigin":false}"#
            let clientData = Data(client.utf8)
            let signature = try key.signature(for: authenticatorData + Data(SHA256.hash(data: clientData)))
            let assertion = WebAuthnAssertion(
                authenticatorData: authenticatorData.base64URLEncodedString(),
                clientDataJSON: clientData.base64URLEncodedString()
            )
            return (assertion, signature.derRepresentation.base64URLEncodedString())
        }
    }

    func signIn(
        _ t: TestHarness,
        _ key: P256.Signing.PrivateKey,
        _ registration: RegistrationRequest,
        _ assertion: Assertion
    ) async throws
        -> TestingHTTPResponse
    {
        let challenge = try await t.send(
            .POST,
            "/api/v1/auth/device-challenge",
            json: DeviceChallengeRequest(phone: registration.person.phone, deviceId: registration.device.id)
        ).requireStatus(.ok).content.decode(DeviceChallenge.self)
        let nonce = try #require(Data(base64Encoded: challenge.nonce))
        let (webAuthn, signature) = try assertion.make(key, nonce: nonce)
        let request = DeviceSignInRequest(challengeId: challenge.challengeId, signature: signature, webAuthn: webAuthn)
        return try await t.send(.POST, "/api/v1/auth/device-sign-in", json: request)
    }

    @Test(arguments: TestDatabase.all)
    func aVerifiedAssertion_signsIn_andEveryBrokenPartIsRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)

            let signedIn = try await signIn(t, key, registration, Assertion())
            #expect(signedIn.status == .ok)
            try await t.send(.GET, "/api/v1/me", token: try signedIn.content.decode(SessionGrant.self).token).requireStatus(.ok)

            let broken: [(String, Assertion)] = [
                ("another origin", Assertion(origin: "https://evil.example")),
                ("another RP id", Assertion(rpID: "evil.example")),
                ("a registration, not an assertion", Assertion(type: "webauthn.create")),
                ("user not verified (no biometric or PIN)", Assertion(flags: 0x01)),
                ("user not present", Assertion(flags: 0x04)),
                ("another challenge", Assertion(challenge: Data(repeating: 7, count: 32).base64URLEncodedString())),
            ]
            for (reason, assertion) in broken {
                let refused = try await signIn(t, key, registration, assertion)
                #expect(refused.status == .unauthorized, "\(reason): \(refused.status)")
            }
            // a key that is not the enrolled one
            let stranger = try await signIn(t, P256.Signing.PrivateKey(), registration, Assertion())
            #expect(stranger.status == .unauthorized)
        }
    }
}
