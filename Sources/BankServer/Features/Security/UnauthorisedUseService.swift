import BankAPI
import BankCore
import Fluent
import Foundation

/// §5.2: a report of suspected unauthorised use ends every session, blocks sign-in and operations until
/// the bank unblocks, alerts the bank's security staff, and answers with the 7711 contact.
struct UnauthorisedUseService: Sendable {
    let services: BankServices

    func report(userID: UUID, channel: String, language: Language, on database: any Database) async throws -> SecurityReportResult {
        let now = services.clock.now()
        try await database.transaction { tx in
            guard let user = try await User.find(userID, on: tx) else { throw BankError.notFound }
            user.status = .blocked
            user.blockedAt = now
            try await user.save(on: tx)
            try await services.sessions.revokeAll(userID: userID, reason: "unauthorised_use_report", on: tx)
            try await services.devices.revokeKeys(userID: userID, untrust: true, on: tx)
            let alert = SecurityAlert()
            alert.kind = "unauthorised_use_report"
            alert.$user.id = userID
            alert.channel = channel
            alert.createdAt = now
            try await alert.create(on: tx)
            try await SecurityAlertQueue(services: services).announce(alert, on: tx)
            try await NotificationService(services: services).notify(user, .security, .init(key: "sms.security.blocked"), language: language, on: tx)
            try await AuditLog.record(
                .securityUnauthorisedUseReported,
                actor: userID,
                subject: .user(userID),
                details: ["channel": channel],
                at: now,
                on: tx
            )
        }
        return result(blockedAt: now, language: language)
    }

    /// From the sign-in screen: a code goes to the phone if it is known; the answer is the same either way.
    func start(phone raw: String, ip: String, language: Language, on database: any Database) async throws -> OtpChallenge {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(raw) }
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.internalError }
        try await services.rateLimiter.hit(
            .init(name: "report-ip", limit: services.security.signInPerIPPerMinute, windowSeconds: 60),
            key: ip,
            on: database
        )
        let user = try await User.query(on: database).filter(\.$phoneIndex == services.vault.phoneIndex(phone)).first()
        let known = user != nil && user?.status != .pending
        return try await database.transaction { tx in
            try await services.otp.issue(
                purpose: .unauthorisedUseReport,
                userID: known ? user?.id : nil,
                phone: phone,
                binding: user?.id?.uuidString ?? "decoy",
                context: .init(language: language),
                sendSMS: known,
                on: tx
            )
        }
    }

    func confirm(challengeID: UUID, code: String, language: Language, on database: any Database) async throws -> SecurityReportResult {
        let challenge = try await services.otp.verify(challengeID: challengeID, code: code, purpose: .unauthorisedUseReport, on: database)
        guard let userID = challenge.userID else { throw BankError.otpInvalid }
        return try await report(userID: userID, channel: "sign_in_screen", language: language, on: database)
    }

    /// The bank lifts the §5.2 block (`bizbank account unblock`), after speaking to the client. Only that block: a
    /// conditional update on `.blocked`, so a Law 94-V data block (`.dataBlocked`, lifted only by an unblock privacy
    /// request) or any other status is never turned into `active`; `account_not_security_blocked` then.
    func unblock(userID: UUID, on database: any Database) async throws {
        try await database.transaction { tx in
            guard let user = try await User.find(userID, on: tx) else { throw BankError.notFound }
            guard user.status == .blocked else { throw BankError.accountNotSecurityBlocked }
            try await User.query(on: tx).filter(\.$id == userID).filter(\.$status == .blocked)
                .set(\.$status, to: .active).set(\.$blockedAt, to: nil).set(\.$failedSignIns, to: 0).set(\.$lockedUntil, to: nil)
                .update()
            guard try await User.find(userID, on: tx)?.status == .active else { throw BankError.accountNotSecurityBlocked }
            try await AuditLog.record(
                .accountUnblocked,
                actor: nil,
                subject: .user(userID),
                details: ["by": "bank_staff"],
                at: services.clock.now(),
                on: tx
            )
        }
    }

    func result(blockedAt: Date, language: Language) -> SecurityReportResult {
        SecurityReportResult(
            blockedAt: blockedAt,
            contactPhone: services.localizer.text("contact.phone", language),
            message: services.localizer.text("contact.report_received", language)
        )
    }
}

extension BankError {
    /// `bizbank account unblock` on an account not blocked after a §5.2 report (a data block, or none).
    static let accountNotSecurityBlocked = BankError(status: .conflict, code: .accountNotSecurityBlocked)
}

extension BankServices {
    var unauthorisedUse: UnauthorisedUseService { UnauthorisedUseService(services: self) }
}
