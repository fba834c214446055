import BankAPI
import BankCore
import Vapor

/// Registration, sign-in and one-time codes: the routes that work without a session.
struct IdentityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("registrations", use: register)
        routes.post("registrations", "verify", use: verifyRegistration)
        routes.post("auth", "sign-in", use: signIn)
        routes.post("auth", "sign-in", "verify", use: verifySignIn)
        routes.post("auth", "device-challenge", use: deviceChallenge)
        routes.post("auth", "device-sign-in", use: deviceSignIn)
        routes.post("otp", "resend", use: resend)
    }

    func register(req: Request) async throws -> Response {
        let body = try req.decodeBody(RegistrationRequest.self)
        let challenge = try await RegistrationService(services: req.bank).start(body, origin: req.sessionOrigin, language: req.language, on: req.db)
        let phoneMasked = (try? PhoneNumber(body.person.phone).masked) ?? ""
        return try await challengeResponse(challenge, phoneMasked: phoneMasked, req: req)
    }

    func verifyRegistration(req: Request) async throws -> Response {
        let body = try req.decodeBody(OtpAnswer.self)
        try await limitVerification(req)
        let grant = try await RegistrationService(services: req.bank).complete(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            on: req.db
        )
        return try await grant.encodeResponse(status: .created, for: req)
    }

    func signIn(req: Request) async throws -> Response {
        let body = try req.decodeBody(SignInRequest.self)
        switch try await req.bank.signIn.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db) {
        case .signedIn(let grant):
            return try await grant.encodeResponse(status: .ok, for: req)
        case .codeSent(let challenge, let phone):
            return try await challengeResponse(challenge, phoneMasked: phone.masked, req: req)
        }
    }

    func verifySignIn(req: Request) async throws -> Response {
        let body = try req.decodeBody(OtpAnswer.self)
        try await limitVerification(req)
        let grant = try await req.bank.signIn.verifyNewDevice(
            challengeID: body.challengeId,
            code: body.code,
            origin: req.sessionOrigin,
            language: req.language,
            on: req.db
        )
        return try await grant.encodeResponse(status: .ok, for: req)
    }

    func deviceChallenge(req: Request) async throws -> DeviceChallenge {
        try await req.bank.deviceKeys.challenge(try req.decodeBody(DeviceChallengeRequest.self), ip: req.clientIP, on: req.db)
    }

    func deviceSignIn(req: Request) async throws -> SessionGrant {
        let body = try req.decodeBody(DeviceSignInRequest.self)
        return try await req.bank.deviceKeys.signIn(body, origin: req.sessionOrigin, language: req.language, on: req.db)
    }

    func resend(req: Request) async throws -> Response {
        let body = try req.decodeBody(ResendRequest.self)
        let otp = req.bank.otp
        let challenge = try await req.db.transaction { tx in try await otp.resend(challengeID: body.challengeId, on: tx) }
        return try await challengeResponse(challenge, phoneMasked: try otp.phone(of: challenge).masked, req: req)
    }

    private func limitVerification(_ req: Request) async throws {
        let rule = RateLimiter.Rule(name: "otp-verify-ip", limit: req.bank.security.otpVerifyPerIPPerMinute, windowSeconds: 60)
        try await req.bank.rateLimiter.hit(rule, key: req.clientIP, on: req.db)
    }

    private func challengeResponse(_ challenge: OtpChallenge, phoneMasked: String, req: Request) async throws -> Response {
        let body = try OtpChallengeResponse(challenge, phoneMasked: phoneMasked, resendGapSeconds: req.bank.security.otpResendGapSeconds)
        return try await body.encodeResponse(status: .accepted, for: req)
    }
}
