import BankAPI
import BankCore
import Vapor

/// Registration, sign-in and one-time codes: the routes that work without a session.
struct IdentityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(Endpoints.Identity.startRegistration, use: register)
        routes.on(Endpoints.Identity.verifyRegistration, use: verifyRegistration)
        routes.on(Endpoints.Identity.signIn, use: signIn)
        routes.on(Endpoints.Identity.verifySignIn, use: verifySignIn)
        routes.on(Endpoints.Identity.createDeviceChallenge, use: deviceChallenge)
        routes.on(Endpoints.Identity.deviceSignIn, use: deviceSignIn)
        routes.on(Endpoints.Identity.resendOtp, use: resend)
    }

    func register(req: Request) async throws -> Reply<OtpChallengeResponse> {
        let body = try req.decodeBody(RegistrationRequest.self)
        let challenge = try await RegistrationService(services: req.bank).start(body, origin: req.sessionOrigin, language: req.language, on: req.db)
        let phoneMasked = (try? PhoneNumber(body.person.phone).masked) ?? ""
        return .accepted(try challengeResponse(challenge, phoneMasked: phoneMasked, req: req))
    }

    func verifyRegistration(req: Request) async throws -> Reply<SessionGrant> {
        let body = try req.decodeBody(OtpAnswer.self)
        try await limitVerification(req)
        let grant = try await RegistrationService(services: req.bank).complete(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            on: req.db
        )
        return .created(grant)
    }

    /// 200 with the session, or 202 with a code challenge when the device is new.
    func signIn(req: Request) async throws -> Reply<SessionGrant> {
        let body = try req.decodeBody(SignInRequest.self)
        switch try await req.bank.signIn.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db) {
        case .signedIn(let grant):
            return Reply(grant)
        case .codeSent(let challenge, let phone):
            return .codeRequired(try challengeResponse(challenge, phoneMasked: phone.masked, req: req))
        }
    }

    func verifySignIn(req: Request) async throws -> SessionGrant {
        let body = try req.decodeBody(OtpAnswer.self)
        try await limitVerification(req)
        return try await req.bank.signIn.verifyNewDevice(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            language: req.language,
            on: req.db
        )
    }

    func deviceChallenge(req: Request) async throws -> DeviceChallenge {
        try await req.bank.deviceKeys.challenge(try req.decodeBody(DeviceChallengeRequest.self), ip: req.clientIP, on: req.db)
    }

    func deviceSignIn(req: Request) async throws -> SessionGrant {
        let body = try req.decodeBody(DeviceSignInRequest.self)
        return try await req.bank.deviceKeys.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db)
    }

    func resend(req: Request) async throws -> Reply<OtpChallengeResponse> {
        let body = try req.decodeBody(ResendRequest.self)
        let otp = req.bank.otp
        let challenge = try await req.db.transaction { tx in try await otp.resend(challengeID: body.challengeId, on: tx) }
        return .accepted(try challengeResponse(challenge, phoneMasked: try otp.phone(of: challenge).masked, req: req))
    }

    private func limitVerification(_ req: Request) async throws {
        let rule = RateLimiter.Rule(name: "otp-verify-ip", limit: req.bank.security.otpVerifyPerIPPerMinute, windowSeconds: 60)
        try await req.bank.rateLimiter.hit(rule, key: req.clientIP, on: req.db)
    }

    private func challengeResponse(_ challenge: OtpChallenge, phoneMasked: String, req: Request) throws -> OtpChallengeResponse {
        try OtpChallengeResponse(challenge, phoneMasked: phoneMasked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
    }
}
