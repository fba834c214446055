import BankAPI
import Vapor

/// `POST /api/v1/staff/sign-in`: the staff console's sign-in.
struct StaffController {
    func signIn(req: Request) async throws -> StaffSignInResponse {
        let body = try req.content.decode(StaffSignInRequest.self)
        guard !body.username.isEmpty, body.username.count <= 64, body.password.count <= 200 else { throw BankError.signInFailed }
        return try await StaffAuthService(services: req.bank).signIn(username: body.username, password: body.password, on: req.db)
    }
}
