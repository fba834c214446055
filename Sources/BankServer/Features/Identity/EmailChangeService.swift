import BankAPI
import BankCore
import Fluent
import Foundation

/// §4.1: the user corrects their e-mail address. A code goes to the new address through the e-mail outbox
/// (the OTP rules of ARCHITECTURE.md, purpose `email_change`, bound to the user and the address' blind index);
/// the address and its blind index change only when that code comes back.
struct EmailChangeService: Sendable {
    let services: BankServices

    static func binding(userID: UUID, emailIndex: String) -> String { "\(userID.uuidString)|\(emailIndex)" }

    func start(
        email raw: String,
        caller: Caller,
        language: Language,
        stepUp: StepUp.Proof,
        on database: any Database
    ) async throws
        -> EmailChangeStarted
    {
        var validator = FieldValidator()
        let email = validator.parse("email") { try EmailAddress(raw) }
        try validator.throwIfInvalid()
        guard let email else { throw BankError.internalError }
        let vault = services.vault
        let emailIndex = vault.emailIndex(email)
        if emailIndex == caller.user.emailIndex { throw BankError.validation([FieldViolation(field: "email", code: .unchanged)]) }
        try await StepUp(services: services).check(stepUp, action: .email, on: database)
        let person = try await vault.open(caller.user, on: database)
        let minutes = String(services.security.otpLifetimeSeconds / 60)
        let challenge = try await database.transaction { tx in
            // The hourly send cap counts against the account's phone, so no address can be flooded from one account.
            let (challenge, codes) = try await services.otp.create(
                purpose: .emailChange,
                userID: caller.userID,
                phone: person.phone,
                binding: Self.binding(userID: caller.userID, emailIndex: emailIndex),
                context: .init(language: language, newEmail: email),
                on: tx
            )
            try await EmailOutbox(services: services).enqueue(
                to: email,
                subject: services.localizer.text("email.otp.email_change.subject", language),
                body: services.localizer.text(OtpPurpose.emailChange.messageTemplate, language, ["code": codes[0], "minutes": minutes]),
                category: "otp",
                userID: caller.userID,
                on: tx
            )
            return challenge
        }
        return EmailChangeStarted(challengeId: try challenge.requireID(), expiresAt: challenge.expiresAt, emailMasked: email.masked)
    }

    /// Only the caller's own challenge counts; a wrong, expired or used code changes nothing.
    func confirm(challengeID: UUID, code: String, caller: Caller, language: Language, on database: any Database) async throws -> UserProfile {
        let otp = services.otp
        let vault = services.vault
        guard let pending = try await OtpChallenge.find(challengeID, on: database), pending.purpose == .emailChange,
            pending.userID == caller.userID, let email = try otp.context(of: pending).newEmail
        else { throw BankError.otpInvalid }
        let binding = Self.binding(userID: caller.userID, emailIndex: vault.emailIndex(email))
        _ = try await otp.verify(challengeID: challengeID, code: code, purpose: .emailChange, binding: binding, on: database)
        let user = try await database.transaction { tx in
            try await PersonChange(services: services).apply(to: caller.userID, audit: .profileEmailChanged, on: tx) {
                $0.email = email
            } effects: { user, _ in
                try await NotificationService(services: services).notify(
                    user,
                    .security,
                    .init(key: "sms.security.email_changed"),
                    language: language,
                    on: tx
                )
            }
        }
        return try await ProfileReader(services: services).profile(of: user, on: database)
    }
}
