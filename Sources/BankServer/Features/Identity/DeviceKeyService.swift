import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation
import SQLKit

/// Device-key sign-in (§1.1, §2.2.1): the phone keeps a P-256 private key behind its biometrics and signs a
/// one-time server nonce. The server holds only the public key and never sees biometric data.
struct DeviceKeyService: Sendable {
    let services: BankServices

    /// Accepts X9.63 uncompressed (65 bytes) or DER SubjectPublicKeyInfo, base64.
    static func parsePublicKey(_ encoded: String) throws -> P256.Signing.PublicKey {
        guard let data = Data(base64Encoded: encoded) else { throw BankError.deviceKeyInvalid }
        if let key = try? P256.Signing.PublicKey(x963Representation: data) { return key }
        if let key = try? P256.Signing.PublicKey(derRepresentation: data) { return key }
        throw BankError.deviceKeyInvalid
    }

    func enrol(publicKey encoded: String, caller: Caller, stepUp: StepUp.Proof? = nil, on database: any Database) async throws -> DeviceKeyEnrolled {
        var validator = FieldValidator()
        _ = validator.require("publicKey", encoded, maxLength: 1024)
        try validator.throwIfInvalid()
        let key = try Self.parsePublicKey(encoded)
        guard let device = try await Device.find(caller.session.$device.id, on: database), device.trustedAt != nil else {
            throw BankError.deviceNotTrusted
        }
        if let stepUp { try await StepUp(services: services).check(stepUp, action: .deviceKey, on: database) }
        let now = services.clock.now()
        device.publicKey = key.x963Representation
        device.keyEnrolledAt = now
        try await device.save(on: database)
        // review H4: the person hears of every new key by SMS, so a key planted with a stolen session is noticed
        try await NotificationService(services: services).notify(caller.user, .security, .init(key: "sms.security.device_key_enrolled"), on: database)
        try await AuditLog.record(
            .deviceKeyEnrolled,
            actor: caller.userID,
            subject: .device(try device.requireID()),
            at: now,
            on: database
        )
        return DeviceKeyEnrolled(deviceId: try device.requireID(), enrolledAt: now)
    }

    /// Always answers with a nonce; for an unknown phone or a device without a key it is a decoy that can never pass.
    func challenge(_ request: DeviceChallengeRequest, ip: String, on database: any Database) async throws -> DeviceChallenge {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(request.phone) }
        _ = validator.require("deviceId", request.deviceId, maxLength: 64)
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.internalError }
        try await services.rateLimiter.hit(
            .init(name: "signin-ip", limit: services.security.signInPerIPPerMinute, windowSeconds: 60),
            key: ip,
            on: database
        )
        var device: Device?
        if let user = try await User.query(on: database).filter(\.$phoneIndex == services.vault.phoneIndex(phone)).first(), let userID = user.id {
            device = try await services.devices.find(userID: userID, installationID: request.deviceId, on: database)
        }
        let challenge = DeviceKeyChallenge()
        challenge.id = UUID()
        challenge.$device.id = device?.publicKey == nil || device?.trustedAt == nil ? nil : device?.id
        challenge.nonce = SecureRandom.bytes(32)
        challenge.expiresAt = services.clock.now().addingTimeInterval(Double(services.security.deviceChallengeSeconds))
        try await challenge.create(on: database)
        return DeviceChallenge(challengeId: try challenge.requireID(), nonce: challenge.nonce.base64EncodedString(), expiresAt: challenge.expiresAt)
    }

    /// Verifies the ECDSA signature over the nonce; the nonce is used up whether or not it passes.
    func signIn(
        _ request: DeviceSignInRequest,
        origin: SessionService.Origin,
        language: Language,
        on database: any Database
    ) async throws -> SessionGrant {
        var validator = FieldValidator()
        _ = validator.require("signature", request.signature, maxLength: 512)
        try validator.throwIfInvalid()
        guard let (device, user, nonce) = try await claimedDevice(request, on: database) else { throw BankError.signInFailed }
        let signIn = services.signIn
        try await signIn.ensureMaySignIn(user, on: database)
        guard verifies(request, over: nonce, by: device) else {
            try await signIn.recordFailure(of: user, language: language, on: database)
            throw BankError.signInFailed
        }
        // §2.2.4: the same risk check as a password sign-in; elevated risk needs the password and a fresh SMS code
        let userID = try user.requireID()
        let risk = try await database.transaction { tx in
            try await RiskEngine(services: services).assess(
                "device_sign_in",
                userID: userID,
                location: request.location,
                ip: origin.ip,
                previousIP: nil,
                on: tx
            )
        }
        if risk.elevated { throw BankError.signInNeedsCode }
        let descriptor = DeviceDescriptor(
            id: device.installationID,
            name: try device.openName(cipher: services.cipher),
            platform: device.platform,
            appVersion: device.appVersion
        )
        return try await signIn.succeed(user: user, descriptor: descriptor, origin: origin, method: "device_key", on: database)
    }

    /// Review H5: whether a password sign-in comes from the trusted device it names. True only when the nonce was
    /// issued for that person's device, is unused and unexpired, and carries a valid signature of the device's key.
    /// The nonce is used up either way.
    func proves(_ proof: DeviceSignInRequest, userID: UUID, installationID: String, on database: any Database) async throws -> Bool {
        guard proof.signature.utf8.count <= 512, let (device, user, nonce) = try await claimedDevice(proof, on: database),
            user.id == userID, device.installationID == installationID
        else { return false }
        return verifies(proof, over: nonce, by: device)
    }

    /// Uses the nonce up; answers the trusted, keyed device it was issued for and the nonce, or nil (unknown, used or
    /// expired).
    private func claimedDevice(_ proof: DeviceSignInRequest, on database: any Database) async throws -> (Device, User, Data)? {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let now = services.clock.now()
        let claimed = try await sql.claim("device_key_challenges", id: proof.challengeId, set: ["used_at": now], returning: ["device_id", "nonce"]) {
            $0.where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, now)
        }
        guard let deviceID = try claimed?.decode(column: "device_id", as: UUID?.self),
            let nonce = try claimed?.decode(column: "nonce", as: Data.self),
            let device = try await Device.find(deviceID, on: database), device.publicKey != nil, device.trustedAt != nil,
            let user = try await User.find(device.$user.id, on: database)
        else { return nil }
        return (device, user, nonce)
    }

    /// ECDSA P-256 over the nonce; the signature is DER (iOS, Android) or raw r‖s (WebCrypto in a browser). A passkey
    /// signs the WebAuthn structure that carries the nonce instead (`WebAuthnAssertionCheck`).
    private func verifies(_ proof: DeviceSignInRequest, over nonce: Data, by device: Device) -> Bool {
        guard let keyData = device.publicKey, let key = try? P256.Signing.PublicKey(x963Representation: keyData) else { return false }
        if let assertion = proof.webAuthn {
            return WebAuthnAssertionCheck.verifies(
                assertion,
                signature: proof.signature,
                nonce: nonce,
                key: key,
                allowedOrigins: services.config.webAuthnOrigins
            )
        }
        let encoded = proof.signature
        guard let data = Data(base64Encoded: encoded),
            let signature = (try? P256.Signing.ECDSASignature(derRepresentation: data)) ?? (try? P256.Signing.ECDSASignature(rawRepresentation: data))
        else { return false }
        return key.isValidSignature(signature, for: nonce)
    }
}

extension BankServices {
    var deviceKeys: DeviceKeyService { DeviceKeyService(services: self) }
}
