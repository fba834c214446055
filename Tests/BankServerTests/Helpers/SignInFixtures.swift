import BankAPI
import Crypto
import Foundation
import Testing
import VaporTesting

@testable import BankServer

extension TestHarness {
    /// Signs in again with phone and password on the registration's device, answering the SMS code sent for it
    /// (review H5: without a device-key proof a known device still needs the code).
    func signIn(_ registration: RegistrationRequest) async throws -> SessionGrant {
        let request = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
        let response = try await send(.POST, "/api/v1/auth/sign-in", json: request)
        guard response.status == .accepted else { throw TestFailure("sign-in answered \(response.status): \(response.body.string)") }
        let challenge = try response.content.decode(OtpChallengeResponse.self)
        let answer = OtpAnswer(challengeId: challenge.challengeId, code: try await latestCode(to: registration.person.phone))
        return try await send(.POST, "/api/v1/auth/sign-in/verify", json: answer).requireStatus(.ok).content.decode(SessionGrant.self)
    }

    /// Enrols a fresh P-256 key on the session's device (with its step-up code) and answers the private key.
    func enrolDeviceKey(token: String) async throws -> P256.Signing.PrivateKey {
        let key = P256.Signing.PrivateKey()
        let enrolment = DeviceKeyEnrolment(publicKey: key.publicKey.x963Representation.base64EncodedString())
        try await sendConfirmed(.POST, "/api/v1/me/device-key", json: enrolment, token: token).requireStatus(.created)
        return key
    }

    /// A fresh nonce for the phone and device, signed with the key: the possession proof of a device-key sign-in,
    /// or of a password sign-in that skips the SMS code.
    func deviceProof(_ key: P256.Signing.PrivateKey, phone: String, deviceId: String) async throws -> DeviceSignInRequest {
        let challenge = try await send(.POST, "/api/v1/auth/device-challenge", json: DeviceChallengeRequest(phone: phone, deviceId: deviceId))
            .requireStatus(.ok).content.decode(DeviceChallenge.self)
        guard let nonce = Data(base64Encoded: challenge.nonce) else { throw TestFailure("nonce is not base64") }
        return DeviceSignInRequest(
            challengeId: challenge.challengeId,
            signature: try key.signature(for: nonce).derRepresentation.base64EncodedString()
        )
    }
}
