import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Sign-in (§2.2.1, §2.2.2): phone + password, and an SMS code unless the trusted device signs a nonce with its key.
/// Every failure is the same `sign_in_failed`; 5 consecutive failures lock sign-in for 30 minutes.
struct SignInService: Sendable {
    let services: BankServices

    enum Outcome: Sendable {
        case signedIn(SessionGrant)
        case codeSent(OtpChallenge, PhoneNumber)
    }

    func signIn(_ request: SignInRequest, origin: SessionService.Origin, language: Language, on database: any Database) async throws -> Outcome {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(request.phone) }
        if request.password.isEmpty { validator.add("password", .required) }
        DeviceRegistry.validate(request.device, into: &validator)
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.internalError }
        let security = services.security
        try await services.rateLimiter.hit(
            .init(name: "signin-ip", limit: security.signInPerIPPerMinute, windowSeconds: 60),
            key: origin.ip,
            on: database
        )
        try await services.rateLimiter.hit(
            .init(name: "signin-phone", limit: security.signInPerPhonePerHour, windowSeconds: 3600),
            key: phone.value,
            on: database
        )

        let user = try await User.query(on: database).filter(\.$phoneIndex == services.vault.phoneIndex(phone)).first()
        let passwordMatches = try await services.verifyPassword(request.password, hash: user?.passwordHash ?? services.decoyPasswordHash)
        guard let user, let userID = user.id else { throw BankError.signInFailed }
        try await ensureMaySignIn(user, on: database)
        guard passwordMatches else {
            try await recordFailure(of: user, language: language, on: database)
            throw BankError.signInFailed
        }
        // §2.2.4: with the consent, the location is checked; elevated risk needs a fresh SMS code even on a trusted device.
        let risk = try await database.transaction { tx in
            try await RiskEngine(services: services).assess(
                "sign_in",
                userID: userID,
                location: request.location,
                ip: origin.ip,
                previousIP: nil,
                on: tx
            )
        }
        // review H5: a trusted device skips the code only by signing a fresh nonce with its key; a known id proves nothing
        if !risk.elevated, let proof = request.deviceProof,
            try await services.deviceKeys.proves(proof, userID: userID, installationID: request.device.id, on: database)
        {
            return .signedIn(try await succeed(user: user, descriptor: request.device, origin: origin, method: "password", on: database))
        }
        let challenge = try await database.transaction { tx in
            try await services.otp.issue(
                purpose: .signIn,
                userID: userID,
                phone: phone,
                binding: RegistrationService.binding(userID: userID, device: request.device.id),
                context: .init(language: language, templateParameters: ["device": request.device.name], device: request.device),
                on: tx
            )
        }
        return .codeSent(challenge, phone)
    }

    /// The SMS code for a new device: the device becomes trusted and a session opens.
    func verifyNewDevice(
        challengeID: UUID,
        code: String,
        origin: SessionService.Origin,
        language: Language,
        on database: any Database
    ) async throws -> SessionGrant {
        let otp = services.otp
        let challenge: OtpChallenge
        do {
            challenge = try await otp.verify(challengeID: challengeID, code: code, purpose: .signIn, on: database)
        } catch let error as BankError where error.code == .otpInvalid || error.code == .otpExhausted {
            if let userID = try await OtpChallenge.find(challengeID, on: database)?.userID, let user = try await User.find(userID, on: database) {
                try await recordFailure(of: user, language: language, on: database)
            }
            throw error
        }
        guard let userID = challenge.userID, let user = try await User.find(userID, on: database),
            let descriptor = try otp.context(of: challenge).device
        else {
            throw BankError.signInFailed
        }
        try await ensureMaySignIn(user, on: database)
        try await NotificationService(services: services).notify(
            user,
            .security,
            .init(key: "sms.security.new_device", parameters: ["device": descriptor.name]),
            language: language,
            on: database
        )
        return try await succeed(user: user, descriptor: descriptor, origin: origin, method: "sms_code", on: database)
    }

    /// Locked (too many failures) or blocked (§5.2 report) accounts cannot sign in; the answer stays generic.
    func ensureMaySignIn(_ user: User, on database: any Database) async throws {
        if user.status != .active { throw BankError.signInFailed }
        if let lockedUntil = user.lockedUntil, lockedUntil > services.clock.now() { throw BankError.signInFailed }
    }

    func succeed(
        user: User,
        descriptor: DeviceDescriptor,
        origin: SessionService.Origin,
        method: String,
        on database: any Database
    ) async throws -> SessionGrant {
        let userID = try user.requireID()
        return try await database.transaction { tx in
            user.failedSignIns = 0
            user.lockedUntil = nil
            try await user.save(on: tx)
            let device = try await services.devices.trust(descriptor, userID: userID, on: tx)
            try await AuditLog.record(
                .signInSucceeded,
                actor: userID,
                subject: .user(userID),
                details: ["method": method, "device": descriptor.id],
                at: services.clock.now(),
                on: tx
            )
            return try await services.sessions.open(for: user, device: device, origin: origin, on: tx)
        }
    }

    /// Counts a failure atomically; the fifth in a row locks sign-in and sends a security SMS (PSD2 RTS art. 4).
    func recordFailure(of user: User, language: Language, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, let userID = user.id else { return }
        let now = services.clock.now()
        try await database.transaction { tx in
            guard let sqlTx = tx as? any SQLDatabase else { return }
            let row = try await sqlTx.raw(
                "UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = \(bind: userID) RETURNING failed_sign_ins"
            ).first()
            let failures = try row?.decode(column: "failed_sign_ins", as: Int.self) ?? 0
            try await AuditLog.record(
                .signInFailed,
                actor: nil,
                subject: .user(userID),
                details: ["consecutive": String(failures)],
                at: now,
                on: tx
            )
            guard failures >= services.security.failedSignInsBeforeLock else { return }
            let minutes = services.security.lockMinutes
            try await sqlTx.raw(
                "UPDATE users SET failed_sign_ins = 0, locked_until = \(bind: now.addingTimeInterval(Double(minutes * 60))) WHERE id = \(bind: userID)"
            ).run()
            try await NotificationService(services: services).notify(
                user,
                .security,
                .init(key: "sms.security.locked", parameters: ["minutes": String(minutes)]),
                language: language,
                on: tx
            )
            try await AuditLog.record(.signInLocked, actor: nil, subject: .user(userID), details: ["minutes": String(minutes)], at: now, on: tx)
        }
        _ = sql
    }
}

extension BankServices {
    var signIn: SignInService { SignInService(services: self) }
}
