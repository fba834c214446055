import BankAPI
import Fluent
import SQLKit
import Vapor

/// Staff sign-in and the bearer check for `/api/v1/staff`. Review M14: the password and an RFC 6238 code from the
/// staff member's authenticator; limited per IP and per username; a session ends at sign-out, after 15 idle
/// minutes (`BIZBANK_STAFF_IDLE_SECONDS`), or after 8 hours (a working shift). Staff sessions are independent of client sessions.
struct StaffAuthService: Sendable {
    let services: BankServices
    static let sessionHours = 8.0
    static let signInsPerUsername = RateLimiter.Rule(name: "staff-sign-in", limit: 5, windowSeconds: 15 * 60)
    static let signInsPerIP = RateLimiter.Rule(name: "staff-sign-in-ip", limit: 20, windowSeconds: 15 * 60)

    func signIn(_ request: StaffSignInRequest, ip: String, on database: any Database) async throws -> StaffSignInResponse {
        try await services.rateLimiter.hit(Self.signInsPerIP, key: ip, on: database)
        try await services.rateLimiter.hit(Self.signInsPerUsername, key: request.username.lowercased(), on: database)
        let staff = try await StaffMember.query(on: database).filter(\.$username == request.username.lowercased()).first()
        let matches = try await services.verifyPassword(request.password, hash: staff?.passwordHash ?? services.decoyPasswordHash)
        guard let staff, matches, staff.disabledAt == nil, try await acceptCode(request.code, of: staff, on: database) else {
            throw BankError.signInFailed
        }
        let token = SecureRandom.token()
        let now = services.clock.now()
        let session = StaffSession()
        session.$staff.id = try staff.requireID()
        session.tokenHash = SessionService.tokenHash(token)
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(Self.sessionHours * 3600)
        try await session.create(on: database)
        try await AuditLog.record(.staffSignedIn, actor: staff.id, subject: .staff(try staff.requireID()), at: now, on: database)
        return StaffSignInResponse(token: token, expiresAt: session.expiresAt, role: staff.role.rawValue, displayName: staff.displayName)
    }

    /// The code must be the authenticator's for now (±30 s) and newer than the last one accepted; taking the step is
    /// a conditional update, so one code opens one session even when sent twice at once.
    private func acceptCode(_ code: String, of staff: StaffMember, on database: any Database) async throws -> Bool {
        guard let sealed = staff.totpSecret, let sql = database as? any SQLDatabase,
            let step = TOTP(secret: try openSecret(sealed, of: staff)).matchingStep(of: code, at: services.clock.now())
        else { return false }
        let taken = try await sql.claim("staff_members", id: try staff.requireID(), set: ["totp_last_step": step]) {
            $0.where(group: { $0.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, step) })
        }
        return taken != nil
    }

    /// Gives the staff member a new authenticator secret (enrolment, or a lost phone); answers the secret.
    func enrolSecondFactor(_ staff: StaffMember, on database: any Database) async throws -> TOTP {
        let secret = TOTP.newSecret()
        staff.totpSecret = try services.cipher.seal(secret, with: services.cipher.keys.systemData, context: Self.context(of: staff))
        staff.totpLastStep = nil
        try await staff.save(on: database)
        return TOTP(secret: secret)
    }

    private func openSecret(_ sealed: Data, of staff: StaffMember) throws -> Data {
        try services.cipher.open(sealed, with: services.cipher.keys.systemData, context: Self.context(of: staff))
    }

    private static func context(of staff: StaffMember) throws -> PersonalDataCipher.Context {
        .init(table: "staff_members", column: "totp_secret", row: try staff.requireID())
    }

    func authenticate(token: String, on database: any Database) async throws -> (StaffMember, StaffSession) {
        let now = services.clock.now()
        guard
            let session = try await StaffSession.query(on: database).filter(\.$tokenHash == SessionService.tokenHash(token)).with(\.$staff).first(),
            session.revokedAt == nil, session.expiresAt > now, session.staff.disabledAt == nil,
            (session.lastSeenAt ?? session.createdAt).addingTimeInterval(Double(services.security.staffIdleSeconds)) > now
        else { throw BankError.authenticationRequired }
        // written at most once a minute: an idle timeout needs no write per request
        if now.timeIntervalSince(session.lastSeenAt ?? session.createdAt) >= 60 {
            session.lastSeenAt = now
            try await session.save(on: database)
        }
        return (session.staff, session)
    }

    func signOut(_ session: StaffSession, on database: any Database) async throws {
        session.revokedAt = services.clock.now()
        try await session.save(on: database)
        try await AuditLog.record(
            .staffSignedOut,
            actor: session.$staff.id,
            subject: .staff(session.$staff.id),
            at: services.clock.now(),
            on: database
        )
    }
}

/// Resolves the staff bearer token; routes behind it read `req.staff` and check the role they need.
struct StaffAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization, !bearer.token.isEmpty, bearer.token.count <= 256 else {
            throw BankError.authenticationRequired
        }
        let (staff, session) = try await StaffAuthService(services: request.bank).authenticate(token: bearer.token, on: request.db)
        request.storage[StaffKey.self] = staff
        request.storage[StaffSessionKey.self] = session
        return try await next.respond(to: request)
    }
}

struct StaffKey: StorageKey {
    typealias Value = StaffMember
}

struct StaffSessionKey: StorageKey {
    typealias Value = StaffSession
}

extension Request {
    /// The signed-in staff member, who must hold one of `roles`.
    /// The signed-in staff member; their role was checked by the route's staff-role group (`StaffRoles`).
    var staff: StaffMember {
        get throws {
            guard let staff = storage[StaffKey.self] else { throw BankError.authenticationRequired }
            return staff
        }
    }
}
