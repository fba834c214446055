import BankAPI
import BankCore
import Fluent
import Foundation

/// §4.1: the user corrects their phone number. One challenge (purpose `phone_change`, bound to the user and the new
/// number's blind index) holds two codes, one sent to the old number and one to the new: its HMAC covers both, so
/// the phone changes only when both are right, and every try counts against the same three attempts.
/// Afterwards the user's other sessions end and the old number gets a security SMS.
struct PhoneChangeService: Sendable {
    let services: BankServices

    static func binding(userID: UUID, phoneIndex: String) -> String { "\(userID.uuidString)|\(phoneIndex)" }

    func start(phone raw: String, caller: Caller, language: Language, on database: any Database) async throws -> PhoneChangeStarted {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(raw) }
        try validator.throwIfInvalid()
        guard let newPhone = phone else { throw BankError.internalError }
        let vault = services.vault
        let newIndex = vault.phoneIndex(newPhone)
        if newIndex == caller.user.phoneIndex { throw BankError.validation([FieldViolation(field: "phone", code: .unchanged)]) }
        // Caps how many numbers one account can try, so `phone_unavailable` cannot be used to survey who banks here.
        let limiter = services.rateLimiter
        try await limiter.hit(
            .init(name: "phone-change-user", limit: services.security.otpSendsPerHour, windowSeconds: 3600),
            key: caller.userID.uuidString,
            on: database
        )
        if try await isTaken(newIndex, byOtherThan: caller.userID, on: database) { throw BankError.phoneUnavailable }
        try await limiter.hit(
            .init(name: "otp-send", limit: services.security.otpSendsPerHour, windowSeconds: 3600),
            key: newIndex,
            on: database
        )
        let oldPhone = try await vault.open(caller.user, on: database).phone
        let otp = services.otp
        let challenge = try await database.transaction { tx in
            let (challenge, codes) = try await otp.create(
                purpose: .phoneChange,
                userID: caller.userID,
                phone: oldPhone,
                binding: Self.binding(userID: caller.userID, phoneIndex: newIndex),
                context: .init(language: language, newPhone: newPhone),
                codeCount: 2,
                on: tx
            )
            let sms = SMSOutbox(services: services)
            let toOld = otp.codeSMS("sms.otp.phone_change_old", code: codes[0], language: language, parameters: ["phone": newPhone.masked])
            try await sms.enqueue(to: oldPhone, text: toOld, category: "otp", userID: caller.userID, on: tx)
            let toNew = otp.codeSMS(OtpPurpose.phoneChange.messageTemplate, code: codes[1], language: language)
            try await sms.enqueue(to: newPhone, text: toNew, category: "otp", userID: caller.userID, on: tx)
            return challenge
        }
        return PhoneChangeStarted(
            challengeId: try challenge.requireID(),
            expiresAt: challenge.expiresAt,
            oldPhoneMasked: oldPhone.masked,
            newPhoneMasked: newPhone.masked
        )
    }

    func confirm(_ answer: PhoneChangeConfirmation, caller: Caller, language: Language, on database: any Database) async throws -> UserProfile {
        // Each code must be six digits on its own, or two wrong halves could join into the right twelve.
        var validator = FieldValidator()
        for (field, code) in [("codeFromOldPhone", answer.codeFromOldPhone), ("codeFromNewPhone", answer.codeFromNewPhone)] {
            if code.count != 6 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) { validator.add(field, .invalidFormat) }
        }
        try validator.throwIfInvalid()
        let otp = services.otp
        guard let pending = try await OtpChallenge.find(answer.challengeId, on: database), pending.purpose == .phoneChange,
            pending.userID == caller.userID, let newPhone = try otp.context(of: pending).newPhone
        else { throw BankError.otpInvalid }
        let newIndex = services.vault.phoneIndex(newPhone)
        _ = try await otp.verify(
            challengeID: answer.challengeId,
            code: answer.codeFromOldPhone + answer.codeFromNewPhone,
            purpose: .phoneChange,
            binding: Self.binding(userID: caller.userID, phoneIndex: newIndex),
            on: database
        )
        do {
            let user = try await apply(newPhone, caller: caller, language: language, on: database)
            return try await ProfileReader(services: services).profile(of: user, on: database)
        } catch let error as BankError {
            throw error
        } catch {
            // The unique phone index refused it: someone took the number between the check and the write.
            if try await isTaken(newIndex, byOtherThan: caller.userID, on: database) { throw BankError.phoneUnavailable }
            throw error
        }
    }

    private func apply(_ newPhone: PhoneNumber, caller: Caller, language: Language, on database: any Database) async throws -> User {
        let vault = services.vault
        return try await database.transaction { tx in
            if try await isTaken(vault.phoneIndex(newPhone), byOtherThan: caller.userID, on: tx) { throw BankError.phoneUnavailable }
            return try await PersonChange(services: services).apply(to: caller.userID, audit: .profilePhoneChanged, on: tx) {
                $0.phone = newPhone
            } effects: { user, before in
                try await services.sessions.revokeAll(userID: caller.userID, keeping: caller.sessionID, reason: "phone_changed", on: tx)
                // The notice goes to the old number: whoever lost it must hear of the change.
                try await NotificationService(services: services).notify(
                    user,
                    .security,
                    .init(key: "sms.security.phone_changed", parameters: ["phone": newPhone.masked]),
                    language: language,
                    smsTo: before.phone,
                    on: tx
                )
            }
        }
    }

    private func isTaken(_ phoneIndex: String, byOtherThan userID: UUID, on database: any Database) async throws -> Bool {
        try await User.query(on: database).filter(\.$phoneIndex == phoneIndex).filter(\.$id != userID).first() != nil
    }
}

extension BankError {
    /// §4.1: the number belongs to another user; the answer never says whose.
    static let phoneUnavailable = BankError(status: .conflict, code: .phoneUnavailable)
}
