import BankAPI
import Fluent
import Vapor

/// The signed-in person's own profile, sessions, devices, device key and password (§2.2.2, §2.3.3).
enum ProfileController {
    static func signOut(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        try await req.bank.sessions.revoke(caller.session, reason: "sign_out", on: req.db)
        try await AuditLog.record(.signOut, actor: caller.userID, subject: .session(caller.sessionID), at: req.bank.clock.now(), on: req.db)
        return .noContent
    }

    static func profile(req: Request) async throws -> UserProfile {
        try await ProfileReader(services: req.bank).profile(of: try req.caller.user, on: req.db)
    }

    static func sessions(req: Request) async throws -> ListPage<SessionView> {
        let caller = try req.caller
        let sessions = try await UserSession.query(on: req.db)
            .filter(\.$user.$id == caller.userID).filter(\.$revokedAt == nil).filter(\.$expiresAt > req.bank.clock.now())
            .with(\.$device).sort(\.$lastSeenAt, .descending).all()
        let items = try sessions.map {
            SessionView(
                id: try $0.requireID(),
                deviceName: try $0.device.openName(cipher: req.bank.cipher),
                platform: $0.device.platform,
                ip: $0.ip,
                createdAt: $0.createdAt,
                lastSeenAt: $0.lastSeenAt,
                expiresAt: $0.expiresAt,
                current: $0.id == caller.sessionID
            )
        }
        return ListPage(items: items, nextCursor: nil)
    }

    static func revokeSession(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        let id = try req.parameter(.sessionId)
        guard let session = try await UserSession.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == caller.userID).first(),
            session.revokedAt == nil
        else { throw BankError.notFound }
        try await req.bank.sessions.revoke(session, reason: "revoked_by_user", on: req.db)
        try await AuditLog.record(.sessionRevoked, actor: caller.userID, subject: .session(id), at: req.bank.clock.now(), on: req.db)
        return .noContent
    }

    static func devices(req: Request) async throws -> ListPage<DeviceView> {
        let caller = try req.caller
        let devices = try await Device.query(on: req.db).filter(\.$user.$id == caller.userID).sort(\.$lastSeenAt, .descending).all()
        let items = try devices.map { try DeviceView($0, cipher: req.bank.cipher) }
        return ListPage(items: items, nextCursor: nil)
    }

    /// Untrusts a device: its key is removed and its sessions end; the next sign-in there needs an SMS code.
    static func forgetDevice(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        let id = try req.parameter(.deviceId)
        let services = req.bank
        try await req.db.transaction { tx in
            guard let device = try await Device.query(on: tx).filter(\.$id == id).filter(\.$user.$id == caller.userID).first() else {
                throw BankError.notFound
            }
            device.trustedAt = nil
            device.publicKey = nil
            device.keyEnrolledAt = nil
            try await device.save(on: tx)
            try await UserSession.query(on: tx).filter(\.$device.$id == id).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: services.clock.now()).set(\.$revokeReason, to: "device_forgotten").update()
            try await PushTokens(services: services).removeAll(deviceID: id, on: tx)
            try await AuditLog.record(.deviceForgotten, actor: caller.userID, subject: .device(id), at: services.clock.now(), on: tx)
        }
        return .noContent
    }

    /// A new device key needs a fresh code to the person's phone (issue 10, review H3): a session alone cannot plant one.
    static func enrolDeviceKey(req: Request) async throws -> Reply<DeviceKeyEnrolled> {
        let body = try req.decodeBody(DeviceKeyEnrolment.self)
        return try await StepUp.replying(req) {
            let enrolled = try await req.bank.deviceKeys.enrol(
                publicKey: body.publicKey,
                caller: try req.caller,
                stepUp: try StepUp.Proof(req, action: .deviceKey, scope: nil),
                on: req.db
            )
            return .created(enrolled)
        }
    }

    /// A new password ends every other session (§2.2.2) and every device key (review H4), and is announced by SMS.
    /// Issue 10: it also needs a fresh SMS code bound to the change (step-up), after the fields are checked.
    static func changePassword(req: Request) async throws -> Response {
        try await StepUp.answering(req) {
            try await changePassword(req, stepUp: try StepUp.Proof(req, action: .password, scope: nil))
            return Response(status: .noContent)
        }
    }

    private static func changePassword(_ req: Request, stepUp: StepUp.Proof) async throws {
        let body = try req.decodeBody(PasswordChangeRequest.self)
        let caller = try req.caller
        let services = req.bank
        let person = try await services.vault.open(caller.user, on: req.db)
        guard try await services.verifyPassword(body.currentPassword, hash: caller.user.passwordHash) else {
            throw BankError.currentPasswordIncorrect
        }
        if let violation = services.passwordPolicy.violation(
            of: body.newPassword,
            phoneDigits: String(person.phone.value.dropFirst(2)),
            iin: person.iin.value
        ) {
            throw BankError.validation([FieldViolation(field: "newPassword", code: FieldCode(core: violation))])
        }
        try await StepUp(services: services).check(stepUp, action: .password, on: req.db)
        let hash = try await services.hashPassword(body.newPassword)
        let language = req.language
        try await req.db.transaction { tx in
            caller.user.passwordHash = hash
            try await caller.user.save(on: tx)
            try await services.sessions.revokeAll(userID: caller.userID, keeping: caller.sessionID, reason: "password_changed", on: tx)
            try await services.devices.revokeKeys(userID: caller.userID, untrust: false, on: tx)
            try await NotificationService(services: services).notify(
                caller.user,
                .security,
                .init(key: "sms.security.password_changed"),
                language: language,
                on: tx
            )
            try await AuditLog.record(.passwordChanged, actor: caller.userID, subject: .user(caller.userID), at: services.clock.now(), on: tx)
        }
    }

    /// Another company of the person's own, with a step-up code (`CompanyRegistration`).
    static func registerAnotherCompany(req: Request) async throws -> Reply<CompanyMembershipView> {
        try await StepUp.replying(req) {
            let body = try req.decodeBody(RegistrationRequest.CompanyPart.self)
            let view = try await CompanyRegistration(services: req.bank).register(
                body,
                caller: try req.caller,
                stepUp: try StepUp.Proof(req, action: .companyRegistration, scope: nil),
                on: req.db
            )
            return .created(view)
        }
    }
}

extension DeviceView {
    /// The one mapping of a device to its view: the profile's device list and the §4 export show the same fields.
    init(_ device: Device, cipher: PersonalDataCipher) throws {
        self.init(
            id: try device.requireID(),
            name: try device.openName(cipher: cipher),
            platform: device.platform,
            appVersion: device.appVersion,
            firstSeenAt: device.firstSeenAt,
            lastSeenAt: device.lastSeenAt,
            trusted: device.trustedAt != nil,
            hasDeviceKey: device.publicKey != nil
        )
    }
}
