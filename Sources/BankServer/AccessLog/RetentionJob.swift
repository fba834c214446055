import Fluent
import Foundation

/// Deletes what has outlived its purpose (§2.1, Law 94-V art. 18): access-log rows past their retention,
/// expired one-time codes and device challenges, ended sessions, closed rate-limit windows, delivered SMS and e-mails.
struct RetentionJob: Sendable {
    let services: BankServices

    struct Report: Sendable, Equatable, CustomStringConvertible {
        var accessLogRows = 0
        var otpChallenges = 0
        var deviceChallenges = 0
        var sessions = 0
        var smsMessages = 0
        var emailMessages = 0

        var description: String {
            "access_log=\(accessLogRows) otp_challenges=\(otpChallenges) device_challenges=\(deviceChallenges) sessions=\(sessions) sms=\(smsMessages) email=\(emailMessages)"
        }
    }

    /// With `dryRun` it counts what would go and deletes nothing.
    func run(dryRun: Bool = false, on database: any Database) async throws -> Report {
        let now = services.clock.now()
        let day = 86_400.0
        let accessCutoff = now.addingTimeInterval(-Double(services.config.accessLogRetentionDays) * day)
        // Ended sessions and used codes are kept a short while for investigations, then go.
        let shortCutoff = now.addingTimeInterval(-7 * day)
        var report = Report()
        let access = AccessLogEntry.query(on: database).filter(\.$at < accessCutoff)
        let otps = OtpChallenge.query(on: database).filter(\.$expiresAt < shortCutoff)
        let nonces = DeviceKeyChallenge.query(on: database).filter(\.$expiresAt < shortCutoff)
        let sessions = UserSession.query(on: database).group(.or) { $0.filter(\.$expiresAt < shortCutoff).filter(\.$revokedAt < shortCutoff) }
        let sms = SMSMessage.query(on: database).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed])
        let emails = EmailMessage.query(on: database).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed])
        report.accessLogRows = try await access.count()
        report.otpChallenges = try await otps.count()
        report.deviceChallenges = try await nonces.count()
        report.sessions = try await sessions.count()
        report.smsMessages = try await sms.count()
        report.emailMessages = try await emails.count()
        if !dryRun {
            try await database.transaction { tx in
                try await AccessLogEntry.query(on: tx).filter(\.$at < accessCutoff).delete()
                try await OtpChallenge.query(on: tx).filter(\.$expiresAt < shortCutoff).delete()
                try await DeviceKeyChallenge.query(on: tx).filter(\.$expiresAt < shortCutoff).delete()
                try await UserSession.query(on: tx).group(.or) { $0.filter(\.$expiresAt < shortCutoff).filter(\.$revokedAt < shortCutoff) }.delete()
                try await SMSMessage.query(on: tx).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed]).delete()
                try await EmailMessage.query(on: tx).filter(\.$createdAt < shortCutoff).filter(\.$status ~~ [.sent, .failed]).delete()
                try await services.rateLimiter.purge(olderThan: 86_400, on: tx)
            }
        }
        return report
    }
}
