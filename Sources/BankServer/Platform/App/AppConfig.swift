import BankCore
import Foundation

/// Typed configuration, read once from the environment at start-up.
/// `load` reports every missing or malformed variable together and never echoes a secret's value.
struct AppConfig: Sendable {
    enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    enum PushGatewayKind: Sendable, Equatable {
        case log
        case http(url: URL, token: String)
    }

    enum SMSGatewayKind: Sendable, Equatable {
        /// Development: the message stays in the outbox (listed at `/dev/sms`) and is written to the log.
        case outbox
        case http(url: URL, token: String)
    }

    var isProduction: Bool
    /// `BIZBANK_WEB_API_URL`: where the web tier (BankWeb) reaches the API; unset, this same process.
    var webAPIURL: URL? = nil
    /// `BIZBANK_WEBAUTHN_ORIGINS` (comma-separated): the web app's origins a passkey assertion may come from; the RP id
    /// is each origin's host. Default: `https://<app domain>`, and in development `http://localhost:8080` too.
    var webAuthnOrigins: Set<String> = []
    var dataDirectory: String
    var database: DatabaseLocation
    /// PostgreSQL schema search path (tests give each run its own schema).
    var postgresSearchPath: [String]?
    var postgresPoolSize: Int
    /// 32 bytes (`BIZBANK_MASTER_KEY`): version `masterKeyVersion` of the master key. It wraps the person keys and the
    /// system keys (`KeyRing`, `KeyRingStore`), so one secret is rotated (`bizbank keys rotate`), not five.
    var masterKey: Data
    /// `BIZBANK_MASTER_KEY_VERSION` (default 1): raised by one at each rotation.
    var masterKeyVersion: Int = 1
    /// `BIZBANK_MASTER_KEY_PREVIOUS`: the master key of version `masterKeyVersion - 1`, set only until
    /// `bizbank keys rotate` has re-wrapped everything under the new one.
    var previousMasterKey: Data? = nil
    var appDomain: String
    /// The personal-data operator named in every consent record (Law 94-V art. 8).
    var operatorName: String
    var operatorBIN: String
    /// The bank's 3-digit code inside its IBANs and its BIC (DOMAIN.md; the defaults are the
    /// development bank's and *unconfirmed*: production sets them).
    var bankCode: String
    var bankBIC: String
    var smsGateway: SMSGatewayKind
    /// §2.2.3 push: `log` in development, `http` (the bank's push relay to APNs/FCM) in production.
    var pushGateway: PushGatewayKind
    /// `BIZBANK_EMAIL_GATEWAY`: `log` (development) or `smtp` (required in production).
    var emailGateway: EmailGatewayKind
    var bcryptCost: Int
    var security: SecuritySettings
    var accessLogRetentionDays: Int
    /// Law 94-V art. 25 deadlines in working days (*unconfirmed* figures, DOMAIN.md): block, destroy or change
    /// personal data on request, and answer a request for information.
    var privacyActionWorkingDays: Int
    var privacyInformationWorkingDays: Int
    var trustForwardedFor: Bool
    /// `BIZBANK_TRUSTED_PROXIES`: our proxies' addresses, skipped when reading X-Forwarded-For from the right (M6).
    var trustedProxies: Set<String> = []
    /// Processing jobs (SMS dispatch, retention) inside `serve`; tests drive them by hand.
    var runsBackgroundJobs: Bool
    /// Law 94-V art. 25: the person responsible for organising personal-data processing, named with their
    /// contacts in breach notifications to the authority.
    var responsiblePerson: ResponsiblePerson
    /// §2.3.2 photo and document upload limits.
    var documents = DocumentSettings()
    /// DOMAIN.md: the interbank cut-off, minutes after midnight Kazakhstan time (`BIZBANK_CLEARING_CUTOFF`, HH:MM).
    var clearingCutOffMinutes = 18 * 60
    /// Law 94-V art. 12: `KZ` once declared with the database host (`DataResidency`); required in production.
    var dataResidency: String? = nil
    /// §5.2: where a new security alert is announced (`BIZBANK_FRAUD_TEAM_EMAIL`, required in production); the
    /// e-mail carries the alert's id only.
    var fraudTeamEmail = "fraud-team@bizbank.kz"
}

/// The numbers of the security model (ARCHITECTURE.md), all configurable.
struct SecuritySettings: Sendable {
    var sessionIdleSeconds: Int = 300
    var sessionAbsoluteSeconds: Int = 12 * 3600
    /// Review M14: a staff session ends after this long without a request.
    var staffIdleSeconds: Int = 900
    var otpLifetimeSeconds: Int = 300
    var otpMaxAttempts: Int = 3
    var otpResendGapSeconds: Int = 60
    var otpSendsPerHour: Int = 5
    var failedSignInsBeforeLock: Int = 5
    var lockMinutes: Int = 30
    var deviceChallengeSeconds: Int = 120
    var signInPerIPPerMinute: Int = 30
    var signInPerPhonePerHour: Int = 20
    var registrationsPerIPPerHour: Int = 20
    var registrationsPerPhonePerHour: Int = 5
    var otpVerifyPerIPPerMinute: Int = 30
    /// Review M8: invitations (each an SMS to a number the director typed) per company per hour.
    var invitationsPerCompanyPerHour: Int = 20
    /// §2.2.4 fraud rules: a move faster than this between two locations is impossible travel.
    var fraudMaxTravelKmh: Int = 900
    /// §2.2.4: an elevated-risk payment above this many tenge is held for the fraud team (other currencies: always).
    var fraudHoldAmountKZT: Int64 = 5_000_000
}

struct ConfigError: Error, CustomStringConvertible {
    let problems: [String]
    var description: String {
        "Configuration is invalid:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension AppConfig {
    /// Reads the configuration. In development a missing master key is generated into the data directory
    /// (never committed); in production every secret must be given.
    static func load(environment env: [String: String], isProduction: Bool, isTesting: Bool = false) throws -> AppConfig {
        var problems: [String] = []
        let dataDirectory = env["BIZBANK_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"

        let database: DatabaseLocation
        switch env["DATABASE_URL"] {
        case nil, "":
            if isProduction { problems.append("DATABASE_URL is required in production") }
            database = isTesting ? .sqliteMemory : .sqliteFile(path: dataDirectory + "/bizbank.sqlite")
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            database = .postgres(url: url)
        case let url? where url.hasPrefix("sqlite://"):
            let path = String(url.dropFirst("sqlite://".count))
            database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
        case .some:
            problems.append("DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (value not shown)")
            database = .sqliteMemory
        }

        var masterKey = Data()
        if let encoded = env["BIZBANK_MASTER_KEY"], !encoded.isEmpty {
            if let key = Data(base64Encoded: encoded), key.count == 32 {
                masterKey = key
            } else {
                problems.append("BIZBANK_MASTER_KEY must be 32 bytes in base64 (value not shown)")
            }
        } else if isProduction {
            problems.append("BIZBANK_MASTER_KEY is required in production (32 bytes, base64)")
        }

        let smsGateway: SMSGatewayKind
        switch env["BIZBANK_SMS_GATEWAY"] ?? "outbox" {
        case "outbox":
            if isProduction { problems.append("BIZBANK_SMS_GATEWAY must be http in production (the outbox adapter is for development)") }
            smsGateway = .outbox
        case "http":
            let url = env["BIZBANK_SMS_HTTP_URL"].flatMap(URL.init(string:))
            let token = env["BIZBANK_SMS_HTTP_TOKEN"] ?? ""
            if url?.scheme == nil { problems.append("BIZBANK_SMS_HTTP_URL must be an http(s) URL when BIZBANK_SMS_GATEWAY=http") }
            if token.isEmpty { problems.append("BIZBANK_SMS_HTTP_TOKEN is required when BIZBANK_SMS_GATEWAY=http") }
            smsGateway = url.map { .http(url: $0, token: token) } ?? .outbox
        default:
            problems.append("BIZBANK_SMS_GATEWAY must be outbox or http")
            smsGateway = .outbox
        }

        let pushGateway: PushGatewayKind
        switch env["BIZBANK_PUSH_GATEWAY"] ?? "log" {
        case "log":
            if isProduction { problems.append("BIZBANK_PUSH_GATEWAY must be http in production (the log adapter is for development)") }
            pushGateway = .log
        case "http":
            let url = env["BIZBANK_PUSH_HTTP_URL"].flatMap(URL.init(string:))
            let token = env["BIZBANK_PUSH_HTTP_TOKEN"] ?? ""
            if url?.scheme == nil { problems.append("BIZBANK_PUSH_HTTP_URL must be an http(s) URL when BIZBANK_PUSH_GATEWAY=http") }
            if token.isEmpty { problems.append("BIZBANK_PUSH_HTTP_TOKEN is required when BIZBANK_PUSH_GATEWAY=http") }
            pushGateway = url.map { .http(url: $0, token: token) } ?? .log
        default:
            problems.append("BIZBANK_PUSH_GATEWAY must be log or http")
            pushGateway = .log
        }

        func integer(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let raw = env[name], !raw.isEmpty else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                problems.append("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
                return fallback
            }
            return value
        }

        // The bank's real BIN is configuration, not code: the development default is a placeholder.
        let operatorBIN = env["BIZBANK_OPERATOR_BIN"] ?? "000000000000"
        if isProduction, env["BIZBANK_OPERATOR_BIN"] == nil { problems.append("BIZBANK_OPERATOR_BIN is required in production") }

        let bankCode = env["BIZBANK_BANK_CODE"].flatMap { $0.isEmpty ? nil : $0 } ?? "998"
        if bankCode.count != 3 || !bankCode.allSatisfy(\.isNumber) { problems.append("BIZBANK_BANK_CODE must be 3 digits") }

        var security = SecuritySettings()
        security.sessionIdleSeconds = integer("BIZBANK_SESSION_IDLE_SECONDS", 300, 30...3600)
        security.sessionAbsoluteSeconds = integer("BIZBANK_SESSION_ABSOLUTE_SECONDS", 43_200, 300...604_800)
        security.staffIdleSeconds = integer("BIZBANK_STAFF_IDLE_SECONDS", 900, 60...28_800)
        security.lockMinutes = integer("BIZBANK_LOCK_MINUTES", 30, 1...1440)
        security.fraudMaxTravelKmh = integer("BIZBANK_FRAUD_MAX_TRAVEL_KMH", 900, 50...5000)
        security.fraudHoldAmountKZT = Int64(integer("BIZBANK_FRAUD_HOLD_KZT", 5_000_000, 0...1_000_000_000))
        let responsiblePerson = ResponsiblePerson.load(env, isProduction: isProduction, problems: &problems)
        let documents = DocumentSettings(
            maxBytes: integer("BIZBANK_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024, 1024...50 * 1024 * 1024),
            uploadsPerHour: integer("BIZBANK_DOCUMENT_UPLOADS_PER_HOUR", 60, 1...10_000)
        )
        let cutOff = Self.minutesOfDay(env["BIZBANK_CLEARING_CUTOFF"], default: 18 * 60, problems: &problems)
        var config = AppConfig(
            isProduction: isProduction,
            dataDirectory: dataDirectory,
            database: database,
            postgresSearchPath: nil,
            postgresPoolSize: integer("BIZBANK_DB_POOL_SIZE", 4, 1...64),
            masterKey: masterKey,
            appDomain: env["BIZBANK_APP_DOMAIN"].flatMap { $0.isEmpty ? nil : $0 } ?? "bizbank.kz",
            operatorName: env["BIZBANK_OPERATOR_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "«Alatau City Bank» АҚ",
            operatorBIN: operatorBIN,
            bankCode: bankCode,
            bankBIC: env["BIZBANK_BANK_BIC"].flatMap { $0.isEmpty ? nil : $0 } ?? "TSESKZKA",
            smsGateway: smsGateway,
            pushGateway: pushGateway,
            emailGateway: EmailGatewayKind.load(env, isProduction: isProduction, problems: &problems),
            bcryptCost: integer("BIZBANK_BCRYPT_COST", isTesting ? 4 : 12, 4...16),
            security: security,
            accessLogRetentionDays: integer("BIZBANK_ACCESS_LOG_RETENTION_DAYS", 90, 1...3650),
            privacyActionWorkingDays: integer("BIZBANK_PRIVACY_ACTION_WORKING_DAYS", 1, 1...30),
            privacyInformationWorkingDays: integer("BIZBANK_PRIVACY_INFORMATION_WORKING_DAYS", 3, 1...30),
            trustForwardedFor: env["BIZBANK_TRUST_FORWARDED_FOR"] == "true",
            trustedProxies: Set((env["BIZBANK_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }),
            runsBackgroundJobs: !isTesting,
            responsiblePerson: responsiblePerson,
            documents: documents,
            clearingCutOffMinutes: cutOff
        )
        config.webAuthnOrigins = Set(
            (env["BIZBANK_WEBAUTHN_ORIGINS"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (isProduction ? "https://\(config.appDomain)" : "https://\(config.appDomain),http://localhost:8080"))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        )
        if let raw = env["BIZBANK_WEB_API_URL"], !raw.isEmpty {
            if let url = URL(string: raw), url.scheme == "http" || url.scheme == "https" {
                config.webAPIURL = url
            } else {
                problems.append("BIZBANK_WEB_API_URL must be an http or https URL")
            }
        }
        config.masterKeyVersion = integer("BIZBANK_MASTER_KEY_VERSION", 1, 1...1_000_000)
        if let encoded = env["BIZBANK_MASTER_KEY_PREVIOUS"], !encoded.isEmpty {
            if let key = Data(base64Encoded: encoded), key.count == 32, config.masterKeyVersion > 1, key != masterKey {
                config.previousMasterKey = key
            } else {
                problems.append(
                    "BIZBANK_MASTER_KEY_PREVIOUS must be 32 bytes in base64, differ from BIZBANK_MASTER_KEY, and BIZBANK_MASTER_KEY_VERSION must be at least 2 (value not shown)"
                )
            }
        }
        config.dataResidency = DataResidency.load(env, database: database, isProduction: isProduction, problems: &problems)
        if let raw = env["BIZBANK_FRAUD_TEAM_EMAIL"], !raw.isEmpty {
            if (try? EmailAddress(raw)) == nil { problems.append("BIZBANK_FRAUD_TEAM_EMAIL must be an e-mail address") }
            config.fraudTeamEmail = raw
        } else if isProduction {
            problems.append("BIZBANK_FRAUD_TEAM_EMAIL is required in production (§5.2 security alerts are announced there)")
        }
        // review L8: a cheap bcrypt cost is for tests and development only
        if isProduction, config.bcryptCost < 10 { problems.append("BIZBANK_BCRYPT_COST must be at least 10 in production") }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return config
    }

    /// `HH:MM` as minutes after midnight; unset or empty is the default, anything else a configuration problem.
    static func minutesOfDay(_ raw: String?, default fallback: Int, problems: inout [String]) -> Int {
        guard let raw, !raw.isEmpty else { return fallback }
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...23).contains(hours), (0...59).contains(minutes)
        else {
            problems.append("BIZBANK_CLEARING_CUTOFF must be a time of day as HH:MM")
            return fallback
        }
        return hours * 60 + minutes
    }

    /// Development only: reuse or create `<data>/master.key` so encrypted data survives restarts.
    func withDevelopmentKey() throws -> AppConfig {
        guard masterKey.isEmpty else { return self }
        var copy = self
        if case .sqliteMemory = database {
            copy.masterKey = SecureRandom.bytes(32)
            return copy
        }
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let path = dataDirectory + "/master.key"
        if let existing = fileManager.contents(atPath: path), let key = Data(base64Encoded: existing), key.count == 32 {
            copy.masterKey = key
        } else {
            let key = SecureRandom.bytes(32)
            guard fileManager.createFile(atPath: path, contents: Data(key.base64EncodedString().utf8), attributes: [.posixPermissions: 0o600])
            else { throw ConfigError(problems: ["cannot write the development key to \(path)"]) }
            copy.masterKey = key
        }
        return copy
    }
}

/// `BIZBANK_DPO_NAME`, `BIZBANK_DPO_PHONE`, `BIZBANK_DPO_EMAIL`: required in production; the development
/// defaults are placeholders.
struct ResponsiblePerson: Sendable, Equatable {
    var name: String
    var phone: String
    var email: String

    static func load(_ env: [String: String], isProduction: Bool, problems: inout [String]) -> ResponsiblePerson {
        func value(_ name: String, _ fallback: String) -> String {
            if let value = env[name], !value.isEmpty { return value }
            if isProduction { problems.append("\(name) is required in production") }
            return fallback
        }
        let person = ResponsiblePerson(
            name: value("BIZBANK_DPO_NAME", "Personal data officer (development)"),
            phone: value("BIZBANK_DPO_PHONE", "+7 727 000 00 00"),
            email: value("BIZBANK_DPO_EMAIL", "dpo@bizbank.kz")
        )
        if (try? EmailAddress(person.email)) == nil { problems.append("BIZBANK_DPO_EMAIL must be an e-mail address") }
        return person
    }
}
