import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation
import SQLKit

/// One-time SMS codes exactly as ARCHITECTURE.md sets them: 6 digits from the CSPRNG, stored as HMAC,
/// valid 5 minutes, single use, 3 attempts counted before comparing, resend ≥ 60 s apart and ≤ 5 an hour,
/// bound to a purpose and a binding. The SMS ends with the origin-bound line `@<app-domain> #<code>` (§2.3.6).
struct OtpService: Sendable {
    let services: BankServices

    /// What a purpose keeps until the code is verified, sealed in the challenge.
    struct Context: Codable, Sendable {
        var language: Language
        var templateParameters: [String: String] = [:]
        var device: DeviceDescriptor?
        /// §4.1: the e-mail address or phone number being proved, applied only once the code passes.
        var newEmail: EmailAddress?
        var newPhone: PhoneNumber?
    }

    /// Issues a challenge and queues its SMS. A decoy (`sendSMS: false`) behaves the same to the caller
    /// but sends nothing, so responses never reveal whether a phone is known.
    func issue(
        purpose: OtpPurpose,
        userID: UUID?,
        phone: PhoneNumber,
        binding: String,
        context: Context,
        sendSMS: Bool = true,
        on database: any Database
    ) async throws -> OtpChallenge {
        let (challenge, codes) = try await create(purpose: purpose, userID: userID, phone: phone, binding: binding, context: context, on: database)
        if sendSMS {
            try await queueSMS(code: codes[0], purpose: purpose, phone: phone, context: context, userID: userID, on: database)
        }
        return challenge
    }

    /// Stores a challenge answered by `codeCount` fresh codes given together, in order (only their HMAC is kept),
    /// within the hourly send cap of `phone`; the caller delivers the codes. §4.1 corrections use it directly.
    func create(
        purpose: OtpPurpose,
        userID: UUID?,
        phone: PhoneNumber,
        binding: String,
        context: Context,
        codeCount: Int = 1,
        on database: any Database
    ) async throws -> (OtpChallenge, [String]) {
        let phoneIndex = services.cipher.blindIndex(phone.value, kind: "phone")
        try await services.rateLimiter.hit(
            .init(name: purpose.sendBudget, limit: services.security.otpSendsPerHour, windowSeconds: 3600),
            key: phoneIndex,
            on: database
        )
        let id = UUID()
        let now = services.clock.now()
        let codes = (0..<codeCount).map { _ in SecureRandom.digits(6) }
        let code = codes.joined()
        let challenge = OtpChallenge()
        challenge.id = id
        challenge.purpose = purpose
        challenge.userID = userID
        challenge.phoneIndex = phoneIndex
        challenge.phone = try seal(phone.value, column: "phone", id: id)
        challenge.binding = binding
        challenge.codeHMAC = codeHMAC(id: id, purpose: purpose, binding: binding, code: code)
        challenge.context = try seal(JSONEncoder().encode(context), column: "context", id: id)
        challenge.attempts = 0
        challenge.sends = 1
        challenge.createdAt = now
        challenge.expiresAt = now.addingTimeInterval(Double(services.security.otpLifetimeSeconds))
        challenge.lastSentAt = now
        try await challenge.create(on: database)
        return (challenge, codes)
    }

    /// A new code for the same challenge: at least `otpResendGapSeconds` after the last, within the hourly cap.
    func resend(challengeID: UUID, on database: any Database) async throws -> OtpChallenge {
        guard let challenge = try await OtpChallenge.find(challengeID, on: database), challenge.consumedAt == nil, challenge.purpose.isResendable
        else {
            throw BankError.notFound
        }
        let now = services.clock.now()
        let nextAllowed = challenge.lastSentAt.addingTimeInterval(Double(services.security.otpResendGapSeconds))
        if now < nextAllowed { throw BankError.otpResendTooSoon(retryAfter: Int(nextAllowed.timeIntervalSince(now).rounded(.up))) }
        try await services.rateLimiter.hit(
            .init(name: challenge.purpose.sendBudget, limit: services.security.otpSendsPerHour, windowSeconds: 3600),
            key: challenge.phoneIndex,
            on: database
        )
        let id = try challenge.requireID()
        let code = SecureRandom.digits(6)
        challenge.codeHMAC = codeHMAC(id: id, purpose: challenge.purpose, binding: challenge.binding, code: code)
        challenge.attempts = 0
        challenge.sends += 1
        challenge.lastSentAt = now
        challenge.expiresAt = now.addingTimeInterval(Double(services.security.otpLifetimeSeconds))
        try await challenge.save(on: database)
        // A decoy challenge has no user: it sends nothing on resend either.
        if challenge.userID != nil {
            let phone = try PhoneNumber(try openString(challenge.phone, column: "phone", id: id))
            try await queueSMS(
                code: code,
                purpose: challenge.purpose,
                phone: phone,
                context: try context(of: challenge),
                userID: challenge.userID,
                on: database
            )
        }
        return challenge
    }

    /// Verifies and consumes a code. The attempt is counted before the comparison, so parallel guesses
    /// cannot exceed the limit; a used, expired or exhausted challenge never passes. `check` runs only once the
    /// code is right, before it is consumed.
    func verify(
        challengeID: UUID,
        code: String,
        purpose: OtpPurpose,
        binding expectedBinding: String? = nil,
        beforeConsuming check: ((OtpChallenge) async throws -> Void)? = nil,
        on database: any Database
    ) async throws -> OtpChallenge {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        guard let challenge = try await OtpChallenge.find(challengeID, on: database), challenge.purpose == purpose, challenge.consumedAt == nil else {
            throw BankError.otpInvalid
        }
        if services.clock.now() >= challenge.expiresAt { throw BankError.otpExpired }
        let counted = try await sql.raw(
            """
            UPDATE otp_challenges SET attempts = attempts + 1
            WHERE id = \(bind: challengeID) AND attempts < \(bind: services.security.otpMaxAttempts) AND consumed_at IS NULL
            RETURNING attempts
            """
        ).first()
        guard let attempts = try counted?.decode(column: "attempts", as: Int.self) else { throw BankError.otpExhausted }
        let expected = codeHMAC(id: challengeID, purpose: purpose, binding: challenge.binding, code: code)
        let bindingMatches = expectedBinding.map { $0 == challenge.binding } ?? true
        guard bindingMatches, constantTimeEquals(expected, challenge.codeHMAC) else {
            throw attempts >= services.security.otpMaxAttempts ? BankError.otpExhausted : BankError.otpInvalid
        }
        // what only the code's owner may learn is checked here: a refusal keeps the code usable
        try await check?(challenge)
        let consumed = try await sql.claim("otp_challenges", id: challengeID, set: ["consumed_at": services.clock.now()]) {
            $0.where("consumed_at", .is, SQLLiteral.null)
        }
        guard consumed != nil else { throw BankError.otpInvalid }
        return challenge
    }

    func context(of challenge: OtpChallenge) throws -> Context {
        guard let sealed = challenge.context else { return Context(language: .kk) }
        return try JSONDecoder().decode(Context.self, from: open(sealed, column: "context", id: try challenge.requireID()))
    }

    func phone(of challenge: OtpChallenge) throws -> PhoneNumber {
        try PhoneNumber(try openString(challenge.phone, column: "phone", id: try challenge.requireID()))
    }

    // MARK: - Internals

    private func queueSMS(
        code: String,
        purpose: OtpPurpose,
        phone: PhoneNumber,
        context: Context,
        userID: UUID?,
        on database: any Database
    ) async throws {
        let text = codeSMS(purpose.messageTemplate, code: code, language: context.language, parameters: context.templateParameters)
        try await SMSOutbox(services: services).enqueue(to: phone, text: text, category: "otp", userID: userID, on: database)
    }

    /// A code's SMS: the localised message, then the origin-bound last line `@<app-domain> #<code>` (§2.3.6).
    func codeSMS(_ template: String, code: String, language: Language, parameters: [String: String] = [:]) -> String {
        var parameters = parameters
        parameters["code"] = code
        return services.localizer.text(template, language, parameters) + "\n\n@\(services.config.appDomain) #\(code)"
    }

    func codeHMAC(id: UUID, purpose: OtpPurpose, binding: String, code: String) -> String {
        let material = "\(id.uuidString)|\(purpose.rawValue)|\(binding)|\(code)"
        return HMAC<SHA256>.authenticationCode(for: Data(material.utf8), using: services.cipher.keys.otp).hexString
    }

    private func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func seal(_ value: String, column: String, id: UUID) throws -> Data {
        try seal(Data(value.utf8), column: column, id: id)
    }

    private func seal(_ value: Data, column: String, id: UUID) throws -> Data {
        try services.cipher.seal(value, with: services.cipher.keys.systemData, context: .init(table: "otp", column: column, row: id))
    }

    private func open(_ value: Data, column: String, id: UUID) throws -> Data {
        try services.cipher.open(value, with: services.cipher.keys.systemData, context: .init(table: "otp", column: column, row: id))
    }

    private func openString(_ value: Data, column: String, id: UUID) throws -> String {
        String(decoding: try open(value, column: column, id: id), as: UTF8.self)
    }
}

extension BankServices {
    var otp: OtpService { OtpService(services: self) }
}
