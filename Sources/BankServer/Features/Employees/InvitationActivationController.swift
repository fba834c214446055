import BankAPI
import BankCore
import Vapor

/// A new person activates the account their invitation describes (no session yet): code, then password.
enum InvitationActivationController {
    static func start(req: Request) async throws -> Reply<OtpChallengeResponse> {
        let body = try req.decodeBody(InvitationActivationStart.self)
        let challenge = try await InvitationAcceptance(services: req.bank).start(body, origin: req.sessionOrigin, language: req.language, on: req.db)
        let phoneMasked = (try? PhoneNumber(body.phone).masked) ?? ""
        let response = try OtpChallengeResponse(challenge, phoneMasked: phoneMasked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
        return .accepted(response)
    }

    static func complete(req: Request) async throws -> Reply<SessionGrant> {
        let body = try req.decodeBody(InvitationActivationComplete.self)
        let grant = try await InvitationAcceptance(services: req.bank).complete(body, origin: req.sessionOrigin, on: req.db)
        return .created(grant)
    }
}
