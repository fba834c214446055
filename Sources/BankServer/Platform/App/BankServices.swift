import BankCore
import Vapor

/// Everything the areas share, built once in `configure` and injected through the application,
/// so tests can swap the clock or the SMS gateway. No global mutable singletons.
struct BankServices: Sendable {
    let config: AppConfig
    let clock: any WallClock
    let cipher: PersonalDataCipher
    let localizer: Localizer
    let smsGateway: any SMSGateway
    /// §4.1: codes proving a new e-mail address. `configure` sets the log adapter (there is no live adapter yet);
    /// this default serves only services built by hand in tests.
    var emailGateway: any EmailGateway = LogEmailGateway(logger: Logger(label: "bizbank.email"), includesBody: false)
    /// §2.2.3 push notices; `configure` sets the log adapter (never logs the token).
    var pushGateway: any PushGateway = LogPushGateway(logger: Logger(label: "bizbank.push"), includesBody: false)
    let passwordPolicy: PasswordPolicy
    /// A bcrypt hash of a random password at the configured cost, checked when a phone is unknown so the
    /// answer takes as long as for a known one (no enumeration by timing).
    let decoyPasswordHash: String
    /// The register of processing purposes (§2.1–§2.3).
    let purposes: PurposeRegister
    /// §6.2: the policy edition in force, checked on every signed-in request.
    let policyVersions: PolicyVersionCache
    /// Kazakhstan's working days, for legal deadlines.
    let workingCalendar: WorkingCalendar
    /// §1.1 access-log rows on their way to the table; `configure` batches them under `serve` (issue 15).
    var accessLog = AccessLogBuffer(batching: false)

    var security: SecuritySettings { config.security }
}

extension Application {
    private struct BankServicesKey: StorageKey {
        typealias Value = BankServices
    }

    var bank: BankServices {
        get {
            guard let services = storage[BankServicesKey.self] else { fatalError("configure(_:) has not run: BankServices missing") }
            return services
        }
        set { storage[BankServicesKey.self] = newValue }
    }
}

extension Request {
    var bank: BankServices { application.bank }

    /// The caller's address: the peer, or behind trusted proxies the right-most X-Forwarded-For hop that is not one
    /// of them (`ForwardedFor`, review M6).
    var clientIP: String {
        let peer = remoteAddress?.ipAddress
        guard bank.config.trustForwardedFor else { return peer ?? "unknown" }
        let header = headers[.xForwardedFor].joined(separator: ",")
        return ForwardedFor.client(header: header, peer: peer, trustedProxies: bank.config.trustedProxies)
    }

    var userAgent: String { String((headers.first(name: .userAgent) ?? "").prefix(300)) }
}
