import BankAPI
import Crypto
import Fluent
import Foundation
import Vapor

/// Step-up for control changes (issue 10, review H3): a change to who controls a company's money — inviting or
/// re-roling or removing an employee, the signing rule, limits, allowed countries — and enrolling a device key need
/// a fresh SMS code to the acting person's own phone, bound to exactly this change (user, company, action, method,
/// path and canonical body). A stolen session alone cannot make them.
///
/// The first request, valid, answers 202 with the challenge and changes nothing; the same request again with
/// `X-Step-Up-Challenge` and `X-Step-Up-Code` makes the change. Afterwards every signer of the company is told by
/// SMS and inbox (`announce`).
struct StepUp: Sendable {
    static let challengeHeader = "X-Step-Up-Challenge"
    static let codeHeader = "X-Step-Up-Code"

    enum Action: String, Sendable {
        case invitation = "employee_invitation"
        case roleChange = "employee_role"
        case removal = "employee_removal"
        case signingRule = "signing_rule"
        case limits = "payment_limits"
        case countries = "allowed_countries"
        case deviceKey = "device_key"
        case companyRegistration = "company_registration"
        case password = "password_change"
        case email = "email_change"
    }

    /// Thrown by `check` when no valid code came with the request: the handler answers 202 with it.
    struct Required: Error {
        let challenge: OtpChallengeResponse
    }

    /// What of the request the code is bound to, read once by the controller.
    struct Proof: Sendable {
        let caller: Caller
        let language: Language
        let binding: String
        let challengeID: String?
        let code: String?

        init(_ req: Request, action: Action, scope: UUID?) throws {
            caller = try req.caller
            language = req.language
            let body = IdempotencyGuard.canonical(req.body.data.map { Data($0.readableBytesView) } ?? Data())
            let text = "\(caller.userID)\n\(scope?.uuidString ?? "-")\n\(action.rawValue)\n\(req.method.rawValue) \(req.url.path)\n"
            binding = SHA256.hash(data: Data(text.utf8) + body).hexString
            challengeID = req.headers.first(name: StepUp.challengeHeader)
            code = req.headers.first(name: StepUp.codeHeader)
        }
    }

    let services: BankServices

    /// Returns when the request carries the valid code for this exact change; otherwise sends one and throws `Required`.
    func check(_ proof: Proof, action: Action, on database: any Database) async throws {
        if let idText = proof.challengeID, let code = proof.code {
            guard let id = UUID(uuidString: idText) else { throw BankError.validation([.init(field: Self.challengeHeader, code: .invalidValue)]) }
            let challenge = try await services.otp.verify(challengeID: id, code: code, purpose: .controlChange, binding: proof.binding, on: database)
            guard challenge.userID == proof.caller.userID else { throw BankError.otpInvalid }
            return
        }
        let phone = try await services.vault.open(proof.caller.user, on: database).phone
        let challenge = try await services.otp.issue(
            purpose: .controlChange,
            userID: proof.caller.userID,
            phone: phone,
            binding: proof.binding,
            context: .init(
                language: proof.language,
                templateParameters: ["action": services.localizer.text("step_up.\(action.rawValue)", proof.language)]
            ),
            on: database
        )
        throw Required(
            challenge: try OtpChallengeResponse(challenge, phoneMasked: phone.masked, resendGapSeconds: services.security.otpResendGapSeconds)
        )
    }

    /// Every director and accountant of the company but the actor hears of the change by SMS and in the inbox.
    func announce(_ action: Action, companyID: UUID, actor: UUID, on database: any Database) async throws {
        let signers = try await Membership.query(on: database).filter(\.$company.$id == companyID).filter(\.$role ~~ [.director, .accountant]).all()
        var parameters: [String: String] = [:]
        for language in Language.allCases {
            parameters["action.\(language.rawValue)"] = services.localizer.text("step_up.\(action.rawValue)", language)
        }
        let message = NotificationMessage(key: "notification.control_changed", parameters: parameters)
        for signer in signers where signer.$user.id != actor {
            try await NotificationService(services: services).notify(
                userID: signer.$user.id,
                .security,
                message,
                channels: [.sms, .inApp],
                on: database
            )
        }
    }

    /// Runs `body`; a `Required` becomes the 202 answer with the challenge.
    static func answering(_ req: Request, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let required as Required {
            req.storage[StepUpChallengedKey.self] = true
            return try await required.challenge.encodeResponse(status: .accepted, for: req)
        }
    }

    /// `answering`, typed on the endpoint's Output: a `Required` becomes the 202 `Reply.codeRequired`.
    static func replying<Output>(_ req: Request, _ body: () async throws -> Reply<Output>) async throws -> Reply<Output> {
        do {
            return try await body()
        } catch let required as Required {
            req.storage[StepUpChallengedKey.self] = true
            return .codeRequired(required.challenge)
        }
    }
}
