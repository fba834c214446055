import BankAPI
import Vapor

/// §5.2: report suspected unauthorised use — signed in, or from the sign-in screen with an SMS code.
enum SecurityController {
    static func reportSignedIn(req: Request) async throws -> SecurityReportResult {
        try await req.bank.unauthorisedUse.report(userID: try req.caller.userID, channel: "app", language: req.language, on: req.db)
    }

    static func start(req: Request) async throws -> Reply<ChallengeStarted> {
        let body = try req.decodeBody(UnauthorisedUseStart.self)
        let challenge = try await req.bank.unauthorisedUse.start(phone: body.phone, ip: req.clientIP, language: req.language, on: req.db)
        return .accepted(ChallengeStarted(challengeId: try challenge.requireID(), expiresAt: challenge.expiresAt))
    }

    static func confirm(req: Request) async throws -> SecurityReportResult {
        let body = try req.decodeBody(OtpAnswer.self)
        return try await req.bank.unauthorisedUse.confirm(challengeID: body.challengeId, code: body.code, language: req.language, on: req.db)
    }
}
