import BankAPI
import Vapor

/// `POST /api/v1/staff/sign-in` and `POST /api/v1/staff/sign-out`: the staff console's session.
enum StaffController {
    static func signIn(req: Request) async throws -> StaffSignInResponse {
        let body = try req.content.decode(StaffSignInRequest.self)
        guard !body.username.isEmpty, body.username.count <= 64, body.password.count <= 200, body.code.count <= 16 else {
            throw BankError.signInFailed
        }
        return try await StaffAuthService(services: req.bank).signIn(body, ip: req.clientIP, on: req.db)
    }

    static func signOut(req: Request) async throws -> HTTPStatus {
        guard let session = req.storage[StaffSessionKey.self] else { throw BankError.authenticationRequired }
        try await StaffAuthService(services: req.bank).signOut(session, on: req.db)
        return .noContent
    }
}
