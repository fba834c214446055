import BankAPI
import Crypto
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Biometric sign-in without biometric data (§1.1): the server only holds a P-256 public key.
@Suite("Device-key sign-in")
struct DeviceKeyTests {
    private func enrolled(_ t: TestHarness) async throws -> (RegistrationRequest, P256.Signing.PrivateKey) {
        let registration = Fixtures.registration()
        let grant = try await t.registerActive(registration)
        let key = P256.Signing.PrivateKey()
        let response = try await t.sendConfirmed(
            .POST,
            "/api/v1/me/device-key",
            json: DeviceKeyEnrolment(publicKey: key.publicKey.x963Representation.base64EncodedString()),
            token: grant.token
        )
        try response.requireStatus(.created)
        return (registration, key)
    }

    private func challenge(_ t: TestHarness, phone: String, device: String) async throws -> DeviceChallenge {
        try await t.send(.POST, "/api/v1/auth/device-challenge", json: DeviceChallengeRequest(phone: phone, deviceId: device))
            .requireStatus(.ok).content.decode(DeviceChallenge.self)
    }

    private func signature(_ key: P256.Signing.PrivateKey, _ challenge: DeviceChallenge) throws -> String {
        try key.signature(for: try #require(Data(base64Encoded: challenge.nonce))).derRepresentation.base64EncodedString()
    }

    @Test(arguments: TestDatabase.all)
    func deviceKey_signedNonce_opensASession(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (registration, key) = try await enrolled(t)
            let nonce = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            let response = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(key, nonce))
            )
            #expect(response.status == .ok)
            let grant = try response.content.decode(SessionGrant.self)
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deviceKey_nonceIsSingleUse(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (registration, key) = try await enrolled(t)
            let nonce = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            let body = DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(key, nonce))
            try await t.send(.POST, "/api/v1/auth/device-sign-in", json: body).requireStatus(.ok)
            #expect(try await t.send(.POST, "/api/v1/auth/device-sign-in", json: body).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deviceKey_signatureFromAnotherKey_isRejected_andCountsAsAFailure(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (registration, _) = try await enrolled(t)
            let nonce = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            let impostor = P256.Signing.PrivateKey()
            let response = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(impostor, nonce))
            )
            #expect(response.status == .unauthorized)
            #expect(try t.problem(response).code == "sign_in_failed")
            let user = try #require(try await User.query(on: t.db).first())
            #expect(user.failedSignIns == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deviceKey_expiredNonce_isRejected(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (registration, key) = try await enrolled(t)
            let nonce = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            t.clock.advance(seconds: 121)
            let response = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(key, nonce))
            )
            #expect(response.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deviceChallenge_forUnknownPhone_looksTheSame_butCanNeverPass(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let key = P256.Signing.PrivateKey()
            let nonce = try await challenge(t, phone: Fixtures.phone(), device: "unknown-device")
            #expect(Data(base64Encoded: nonce.nonce)?.count == 32)
            let response = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(key, nonce))
            )
            #expect(response.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func deviceKey_enrolment_acceptsDER_andRejectsGarbage(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let der = P256.Signing.PrivateKey().publicKey.derRepresentation.base64EncodedString()
            try await t.sendConfirmed(.POST, "/api/v1/me/device-key", json: DeviceKeyEnrolment(publicKey: der), token: grant.token).requireStatus(
                .created
            )
            let garbage = try await t.sendConfirmed(
                .POST,
                "/api/v1/me/device-key",
                json: DeviceKeyEnrolment(publicKey: "bm90IGEga2V5"),
                token: grant.token
            )
            #expect(try t.problem(garbage).code == "device_key_invalid")
            let devices = try await t.send(.GET, "/api/v1/me/devices", token: grant.token).content.decode(ListPage<DeviceView>.self)
            #expect(devices.items.first?.hasDeviceKey == true)
        }
    }

    /// Review H4: a key planted with a stolen session does not outlive a password change or a §5.2 report, and its
    /// enrolment is announced by SMS.
    @Test(arguments: TestDatabase.all)
    func aPasswordChange_orAReport_revokesEveryDeviceKey(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (registration, key) = try await enrolled(t)
            #expect(try await t.messages(to: registration.person.phone).contains { $0.contains("7711") })
            let session = try await t.signIn(registration)
            let newPassword = "Another-Passphrase-2026!"
            try await t.sendConfirmed(
                .POST,
                "/api/v1/me/password",
                json: PasswordChangeRequest(currentPassword: Fixtures.password, newPassword: newPassword),
                token: session.token
            ).requireStatus(.noContent)
            let nonce = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            let afterPassword = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: nonce.challengeId, signature: try signature(key, nonce))
            )
            #expect(afterPassword.status == .unauthorized)
            // enrolled again, then a §5.2 report and the bank's unblock: the key is gone all the same
            try await t.sendConfirmed(
                .POST,
                "/api/v1/me/device-key",
                json: DeviceKeyEnrolment(publicKey: key.publicKey.x963Representation.base64EncodedString()),
                token: session.token
            ).requireStatus(.created)
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: session.token).requireStatus(.ok)
            try await UnauthorisedUseService(services: t.services).unblock(userID: session.user.id, on: t.db)
            let again = try await challenge(t, phone: registration.person.phone, device: registration.device.id)
            let afterReport = try await t.send(
                .POST,
                "/api/v1/auth/device-sign-in",
                json: DeviceSignInRequest(challengeId: again.challengeId, signature: try signature(key, again))
            )
            #expect(afterReport.status == .unauthorized)
            // and the device must prove itself with a code again
            let signIn = try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: registration.person.phone, password: newPassword, device: registration.device)
            )
            #expect(signIn.status == .accepted)
        }
    }
}
