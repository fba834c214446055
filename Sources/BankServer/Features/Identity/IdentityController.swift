import BankAPI
import BankCore
import Vapor

/// Registration, sign-in and one-time codes: the routes that work without a session.
enum IdentityController {
    static func register(req: Request) async throws -> Reply<OtpChallengeResponse> {
        let body = try req.decodeBody(RegistrationRequest.self)
        let challenge = try await RegistrationService(services: req.bank).start(body, origin: req.sessionOrigin, language: req.language, on: req.db)
        let phoneMasked = (try? PhoneNumber(body.person.phone).masked) ?? ""
        return .accepted(try challengeResponse(challenge, phoneMasked: phoneMasked, req: req))
    }

    static func verifyRegistration(req: Request) async throws -> Reply<SessionGrant> {
        let body = try req.decodeBody(OtpAnswer.self)
        let grant = try await RegistrationService(services: req.bank).complete(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            on: req.db
        )
        return .created(grant)
    }

    /// 200 with the session, or 202 with a code challenge when the device is new.
    static func signIn(req: Request) async throws -> Reply<SessionGrant> {
        let body = try req.decodeBody(SignInRequest.self)
        switch try await req.bank.signIn.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db) {
        case .signedIn(let grant):
            return Reply(grant)
        case .codeSent(let challenge, let phone):
            return .codeRequired(try challengeResponse(challenge, phoneMasked: phone.masked, req: req))
        }
    }

    static func verifySignIn(req: Request) async throws -> SessionGrant {
        let body = try req.decodeBody(OtpAnswer.self)
        return try await req.bank.signIn.verifyNewDevice(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            language: req.language,
            on: req.db
        )
    }

    static func deviceChallenge(req: Request) async throws -> DeviceChallenge {
        try await req.bank.deviceKeys.challenge(try req.decodeBody(DeviceChallengeRequest.self), ip: req.clientIP, on: req.db)
    }

    static func deviceSignIn(req: Request) async throws -> SessionGrant {
        let body = try req.decodeBody(DeviceSignInRequest.self)
        return try await req.bank.deviceKeys.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db)
    }

    static func resend(req: Request) async throws -> Reply<OtpChallengeResponse> {
        let body = try req.decodeBody(ResendRequest.self)
        let otp = req.bank.otp
        let challenge = try await req.db.transaction { tx in try await otp.resend(challengeID: body.challengeId, on: tx) }
        return .accepted(try challengeResponse(challenge, phoneMasked: try otp.phone(of: challenge).masked, req: req))
    }

    private static func challengeResponse(_ challenge: OtpChallenge, phoneMasked: String, req: Request) throws -> OtpChallengeResponse {
        try OtpChallengeResponse(challenge, phoneMasked: phoneMasked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
    }
}
