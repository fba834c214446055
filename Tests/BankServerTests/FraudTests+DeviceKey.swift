import BankAPI
import Crypto
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §2.2.4 for the biometric sign-in: a device-key signature runs the same risk check as a password sign-in, and
/// elevated risk sends the person to the password and a fresh SMS code (the privacy review found it unchecked).
@Suite("Fraud checks on the device-key sign-in (§2.2.4)")
struct DeviceKeyFraudTests {
    private func deviceSignIn(
        _ t: TestHarness,
        _ registration: RegistrationRequest,
        _ key: P256.Signing.PrivateKey,
        at location: DeviceLocation?
    ) async throws -> TestingHTTPResponse {
        let nonce = try await t.send(
            .POST,
            "/api/v1/auth/device-challenge",
            json: DeviceChallengeRequest(phone: registration.person.phone, deviceId: registration.device.id)
        ).requireStatus(.ok).content.decode(DeviceChallenge.self)
        let signature = try key.signature(for: try #require(Data(base64Encoded: nonce.nonce))).derRepresentation.base64EncodedString()
        let request = DeviceSignInRequest(challengeId: nonce.challengeId, signature: signature, location: location)
        return try await t.send(.POST, "/api/v1/auth/device-sign-in", json: request)
    }

    @Test(arguments: TestDatabase.all)
    func aCountryOutsideTheCompanys_needsThePasswordAndACode_andOpensNoSession(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "fraud_location"), token: grant.token)
                .requireStatus(.created)
            let sessionsBefore = try await UserSession.query(on: t.db).count()

            // when: the key signs from a country the company does not allow
            let refused = try await deviceSignIn(t, registration, key, at: FraudTests.tbilisi)
            // then
            #expect(refused.status == .forbidden)
            #expect(try t.problem(refused).code == "sign_in_needs_code")
            #expect(try await UserSession.query(on: t.db).count() == sessionsBefore)

            // when: from home, once the trip from there could have been made (~2,700 km at most 900 km/h)
            t.clock.advance(seconds: 4 * 3_600)
            try await deviceSignIn(t, registration, key, at: FraudTests.almaty).requireStatus(.ok)
            #expect(try await UserSession.query(on: t.db).count() == sessionsBefore + 1)
        }
    }
}
