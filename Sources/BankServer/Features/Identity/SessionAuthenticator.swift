import Fluent
import Vapor

/// The signed-in caller, set by `SessionAuthenticator` for every protected route.
struct Caller: Sendable {
    let session: UserSession
    let user: User

    var userID: UUID { user.id! }  // loaded from the database: always has an id
    var sessionID: UUID { session.id! }
}

/// Reads `Authorization: Bearer <token>` and resolves it; every route behind it can rely on `req.caller`.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization, !bearer.token.isEmpty, bearer.token.count <= 256 else {
            throw BankError.authenticationRequired
        }
        let (session, user) = try await request.bank.sessions.authenticate(token: bearer.token, on: request.db)
        request.storage[CallerKey.self] = Caller(session: session, user: user)
        request.accessLogUser.userID = user.id
        return try await next.respond(to: request)
    }
}

struct CallerKey: StorageKey {
    typealias Value = Caller
}

extension Request {
    var caller: Caller {
        get throws {
            guard let caller = storage[CallerKey.self] else { throw BankError.authenticationRequired }
            return caller
        }
    }
}
