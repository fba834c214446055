import BankAPI
import Vapor

/// §4.1 "the user may change (update, complete) all or part of their personal data at any time": the name at once;
/// the e-mail address and the phone number once the codes sent to them come back.
enum CorrectionController {
    static func changeName(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(ProfileUpdate.self)
        return try await NameChangeService(services: req.bank).change(body, caller: try req.caller, on: req.db)
    }

    /// Issue 10: a new address needs a fresh SMS code to the person's phone first (step-up), then the code e-mailed there.
    static func startEmailChange(req: Request) async throws -> Reply<EmailChangeStarted> {
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

    static func confirmEmailChange(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(OtpAnswer.self)
        return try await EmailChangeService(services: req.bank).confirm(
            challengeID: body.challengeId,
            code: body.code,
            caller: try req.caller,
            language: req.language,
            on: req.db
        )
    }

    static func startPhoneChange(req: Request) async throws -> Reply<PhoneChangeStarted> {
        let body = try req.decodeBody(PhoneChangeRequest.self)
        let started = try await PhoneChangeService(services: req.bank).start(
            phone: body.phone,
            caller: try req.caller,
            language: req.language,
            on: req.db
        )
        return .accepted(started)
    }

    static func confirmPhoneChange(req: Request) async throws -> UserProfile {
        let body = try req.decodeBody(PhoneChangeConfirmation.self)
        return try await PhoneChangeService(services: req.bank).confirm(body, caller: try req.caller, language: req.language, on: req.db)
    }
}

extension EmailChangeStarted: Content {}
extension PhoneChangeStarted: Content {}
