import BankAPI
import Vapor

/// §4.1 "the user may change (update, complete) all or part of their personal data at any time": the name at once;
/// the e-mail address and the phone number once the codes sent to them come back.
struct CorrectionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(Endpoints.Sessions.updateProfile, use: changeName)
        routes.on(Endpoints.Sessions.startEmailChange, use: startEmailChange)
        routes.on(Endpoints.Sessions.confirmEmailChange, use: confirmEmailChange)
        routes.on(Endpoints.Sessions.startPhoneChange, use: startPhoneChange)
        routes.on(Endpoints.Sessions.confirmPhoneChange, use: confirmPhoneChange)
    }

    func changeName(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(ProfileUpdate.self)
        return try await NameChangeService(services: req.bank).change(body, caller: try req.caller, on: req.db)
    }

    /// Issue 10: a new address needs a fresh SMS code to the person's phone first (step-up), then the code e-mailed there.
    func startEmailChange(req: Request) async throws -> Reply<EmailChangeStarted> {
        try await StepUp.replying(req) {
            let body = try req.decodeBody(EmailChangeRequest.self)
            let started = try await EmailChangeService(services: req.bank).start(
                email: body.email,
                caller: try req.caller,
                language: req.language,
                stepUp: try StepUp.Proof(req, action: .email, scope: nil),
                on: req.db
            )
            return .accepted(started)
        }
    }

    func confirmEmailChange(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(OtpAnswer.self)
        try await limitVerification(req)
        return try await EmailChangeService(services: req.bank).confirm(
            challengeID: body.challengeId,
            code: body.code,
            caller: try req.caller,
            language: req.language,
            on: req.db
        )
    }

    func startPhoneChange(req: Request) async throws -> Reply<PhoneChangeStarted> {
        let body = try req.decodeBody(PhoneChangeRequest.self)
        let started = try await PhoneChangeService(services: req.bank).start(
            phone: body.phone,
            caller: try req.caller,
            language: req.language,
            on: req.db
        )
        return .accepted(started)
    }

    func confirmPhoneChange(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(PhoneChangeConfirmation.self)
        try await limitVerification(req)
        return try await PhoneChangeService(services: req.bank).confirm(body, caller: try req.caller, language: req.language, on: req.db)
    }

    /// The same per-IP cap on code guesses as sign-in and registration.
    private func limitVerification(_ req: Request) async throws {
        let rule = RateLimiter.Rule(name: "otp-verify-ip", limit: req.bank.security.otpVerifyPerIPPerMinute, windowSeconds: 60)
        try await req.bank.rateLimiter.hit(rule, key: req.clientIP, on: req.db)
    }
}

extension EmailChangeStarted: Content {}
extension PhoneChangeStarted: Content {}
