import BankAPI
import Crypto
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Review H5: a trusted device skips the SMS code only by proving possession, signing a fresh server nonce with
/// the key it enrolled; the device id it names is no secret (PSD2 RTS art. 7).
@Suite("Device possession at password sign-in")
struct DevicePossessionTests {
    @Test(arguments: TestDatabase.all)
    func passwordAndAKnownDeviceId_fromAnotherClient_getACode_notASession(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let sessionsBefore = try await UserSession.query(on: t.db).count()
            let replayed = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
            let response = try await t.send(.POST, "/api/v1/auth/sign-in", json: replayed, ip: "198.51.100.77")
            #expect(response.status == .accepted)
            #expect(try await UserSession.query(on: t.db).count() == sessionsBefore)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aNonceSignedByTheDeviceKey_skipsTheCode_once(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            let codesBefore = try await t.messages(to: registration.person.phone).count
            let proof = try await t.deviceProof(key, phone: registration.person.phone, deviceId: registration.device.id)
            let request = SignInRequest(
                phone: registration.person.phone,
                password: Fixtures.password,
                device: registration.device,
                deviceProof: proof
            )
            let signedIn = try await t.send(.POST, "/api/v1/auth/sign-in", json: request)
            #expect(signedIn.status == .ok)
            try await t.send(.GET, "/api/v1/me", token: try signedIn.content.decode(SessionGrant.self).token).requireStatus(.ok)
            #expect(try await t.messages(to: registration.person.phone).count == codesBefore)
            // the same proof again is a replay: the nonce is spent
            #expect(try await t.send(.POST, "/api/v1/auth/sign-in", json: request).status == .accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBrowserSignature_rawRAndS_isAccepted(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            let der = try await t.deviceProof(key, phone: registration.person.phone, deviceId: registration.device.id)
            let challenge = try #require(try await DeviceKeyChallenge.find(der.challengeId, on: t.db))
            let raw = DeviceSignInRequest(
                challengeId: der.challengeId,
                signature: try key.signature(for: challenge.nonce).rawRepresentation.base64EncodedString()
            )
            let request = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device, deviceProof: raw)
            #expect(try await t.send(.POST, "/api/v1/auth/sign-in", json: request).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherKey_anotherDevice_orAnotherPerson_proveNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let owner = Fixtures.registration()
            let ownerGrant = try await t.registerActive(owner)
            let key = try await t.enrolDeviceKey(token: ownerGrant.token)
            let phone = owner.person.phone
            // a key that is not the device's
            let impostor = try await t.deviceProof(P256.Signing.PrivateKey(), phone: phone, deviceId: owner.device.id)
            // the right key, but the request names another device
            let elsewhere = try await t.deviceProof(key, phone: phone, deviceId: owner.device.id)
            // someone else's valid proof, sent with the owner's password
            let other = Fixtures.registration()
            let otherGrant = try await t.registerActive(other)
            let otherKey = try await t.enrolDeviceKey(token: otherGrant.token)
            let borrowed = try await t.deviceProof(otherKey, phone: other.person.phone, deviceId: other.device.id)
            let attempts: [(DeviceDescriptor, DeviceSignInRequest)] = [
                (owner.device, impostor), (Fixtures.device(), elsewhere), (other.device, borrowed),
            ]
            for (device, proof) in attempts {
                let request = SignInRequest(phone: phone, password: Fixtures.password, device: device, deviceProof: proof)
                #expect(try await t.send(.POST, "/api/v1/auth/sign-in", json: request).status == .accepted)
            }
        }
    }
}
