import BankAPI
import Crypto
import Fluent
import FluentSQL
import Foundation
import SQLKit
import Vapor

/// Opaque 256-bit session tokens stored as SHA-256; idle and absolute timeouts (PSD2 RTS art. 4: 5 minutes idle).
struct SessionService: Sendable {
    let services: BankServices

    struct Origin: Sendable {
        let ip: String
        let userAgent: String
    }

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }

    /// Opens a session for a user on a trusted device and returns the grant the app keeps.
    func open(for user: User, device: Device, origin: Origin, on database: any Database) async throws -> SessionGrant {
        let now = services.clock.now()
        let token = SecureRandom.token()
        let session = UserSession()
        session.id = UUID()
        session.$user.id = try user.requireID()
        session.$device.id = try device.requireID()
        session.tokenHash = Self.tokenHash(token)
        session.ip = origin.ip
        session.userAgent = origin.userAgent
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(Double(services.security.sessionAbsoluteSeconds))
        try await session.create(on: database)
        return SessionGrant(
            token: token,
            sessionId: try session.requireID(),
            expiresAt: session.expiresAt,
            idleTimeoutSeconds: services.security.sessionIdleSeconds,
            user: try await ProfileReader(services: services).profile(of: user, on: database)
        )
    }

    /// Resolves a bearer token to a live session, ending it if it has been idle or lived too long.
    func authenticate(token: String, on database: any Database) async throws -> (UserSession, User) {
        let now = services.clock.now()
        // One hand-written query for the session and its user: this runs on every signed-in request.
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        guard
            let row = try await sql.raw(
                """
                SELECT s.id AS s_id, s.user_id AS s_user_id, s.device_id AS s_device_id, s.token_hash AS s_token_hash, s.ip AS s_ip,
                  s.user_agent AS s_user_agent, s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at,
                  s.expires_at AS s_expires_at, s.revoked_at AS s_revoked_at, s.revoke_reason AS s_revoke_reason, u.*
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(bind: Self.tokenHash(token))
                """
            ).first()
        else { throw BankError.authenticationRequired }
        let session = try row.decode(fluentModel: UserSession.self, prefix: "s_")
        guard session.revokedAt == nil else { throw BankError.authenticationRequired }
        session.$user.value = try row.decode(fluentModel: User.self)
        let idleLimit = session.lastSeenAt.addingTimeInterval(Double(services.security.sessionIdleSeconds))
        if now >= session.expiresAt || now >= idleLimit {
            session.revokedAt = now
            session.revokeReason = now >= session.expiresAt ? "expired" : "idle"
            try await session.save(on: database)
            throw BankError.sessionExpired
        }
        if session.user.status == .blocked { throw BankError.accountBlocked }
        if session.user.status != .active { throw BankError.sessionExpired }
        // A write per request would be the busiest row update in the bank; a resolution of a few seconds is
        // plenty for a five-minute idle limit, so the session is touched only when it has gone quiet for a while.
        if now.timeIntervalSince(session.lastSeenAt) >= Self.lastSeenResolutionSeconds {
            session.lastSeenAt = now
            try await session.save(on: database)
        }
        return (session, session.user)
    }

    static let lastSeenResolutionSeconds: TimeInterval = 10

    func revoke(_ session: UserSession, reason: String, on database: any Database) async throws {
        session.revokedAt = services.clock.now()
        session.revokeReason = reason
        try await session.save(on: database)
    }

    /// Ends every live session of a user, except `keeping` (password change keeps the current one).
    func revokeAll(userID: UUID, keeping: UUID? = nil, reason: String, on database: any Database) async throws {
        var query = UserSession.query(on: database).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.set(\.$revokedAt, to: services.clock.now()).set(\.$revokeReason, to: reason).update()
    }
}

extension BankServices {
    var sessions: SessionService { SessionService(services: self) }
}

extension Request {
    var sessionOrigin: SessionService.Origin { .init(ip: clientIP, userAgent: userAgent) }
}
