import BankAPI
import Fluent
import Vapor

/// Staff sign-in (username + password, rate-limited per username) and the bearer check for `/api/v1/staff`.
/// Staff sessions last 8 hours (a working shift) and are independent of client sessions.
struct StaffAuthService: Sendable {
    let services: BankServices
    static let sessionHours = 8.0

    func signIn(username: String, password: String, on database: any Database) async throws -> StaffSignInResponse {
        let rule = RateLimiter.Rule(name: "staff-sign-in", limit: 5, windowSeconds: 15 * 60)
        try await services.rateLimiter.hit(rule, key: username.lowercased(), on: database)
        let staff = try await StaffMember.query(on: database).filter(\.$username == username.lowercased()).first()
        let hash = staff?.passwordHash ?? services.decoyPasswordHash
        let matches = try await services.verifyPassword(password, hash: hash)
        guard let staff, matches, staff.disabledAt == nil else { throw BankError.signInFailed }
        let token = SecureRandom.token()
        let session = StaffSession()
        session.$staff.id = try staff.requireID()
        session.tokenHash = SessionService.tokenHash(token)
        session.createdAt = services.clock.now()
        session.expiresAt = services.clock.now().addingTimeInterval(Self.sessionHours * 3600)
        try await session.create(on: database)
        try await AuditLog.record(
            "staff.signed_in",
            actor: staff.id,
            subject: "staff:\(try staff.requireID())",
            at: services.clock.now(),
            on: database
        )
        return StaffSignInResponse(token: token, expiresAt: session.expiresAt, role: staff.role.rawValue, displayName: staff.displayName)
    }

    func authenticate(token: String, on database: any Database) async throws -> StaffMember {
        guard
            let session = try await StaffSession.query(on: database).filter(\.$tokenHash == SessionService.tokenHash(token)).with(\.$staff).first(),
            session.revokedAt == nil, session.expiresAt > services.clock.now(), session.staff.disabledAt == nil
        else { throw BankError.authenticationRequired }
        return session.staff
    }
}

/// Resolves the staff bearer token; routes behind it read `req.staff` and check the role they need.
struct StaffAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization, !bearer.token.isEmpty, bearer.token.count <= 256 else {
            throw BankError.authenticationRequired
        }
        let staff = try await StaffAuthService(services: request.bank).authenticate(token: bearer.token, on: request.db)
        request.storage[StaffKey.self] = staff
        return try await next.respond(to: request)
    }
}

struct StaffKey: StorageKey {
    typealias Value = StaffMember
}

extension Request {
    /// The signed-in staff member, who must hold one of `roles`.
    func staff(_ roles: StaffMember.Role...) throws -> StaffMember {
        guard let staff = storage[StaffKey.self] else { throw BankError.authenticationRequired }
        guard roles.isEmpty || roles.contains(staff.role) else { throw BankError.forbidden }
        return staff
    }
}
