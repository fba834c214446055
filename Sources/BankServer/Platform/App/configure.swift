import BankCore
import BankWeb
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Metrics
import Prometheus
import SQLKit
import Vapor

/// Process-wide metrics registry: swift-metrics can be bootstrapped once per process, tests make many apps.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// Wires the application: database, migrations, services, middleware, routes, background jobs.
func configure(_ app: Application, config: AppConfig, clock: any WallClock = SystemClock(), smsGateway: (any SMSGateway)? = nil) async throws {
    var config = config
    // The web tier in this process calls the API over loopback with the browser's address in X-Forwarded-For, so
    // per-IP limits count each browser, not the web tier; only loopback is believed (review M6).
    if config.webAPIURL == nil, !config.trustForwardedFor {
        config.trustForwardedFor = true
        config.trustedProxies = ["127.0.0.1", "::1"]
    }
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    // Sorted keys: the same answer is the same bytes (stable for clients, caches and tests).
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)
    app.routes.defaultMaxBodySize = "64kb"

    try await useDatabase(config, on: app)
    app.migrations.add(BankMigrations.all)
    try await app.autoMigrate()

    let localizer = try Localizer.bundled()
    let gateway: any SMSGateway
    switch (smsGateway, config.smsGateway) {
    case (let injected?, _): gateway = injected
    case (nil, .outbox): gateway = OutboxSMSGateway(logger: app.logger)
    case (nil, .http(let url, let token)): gateway = HTTPSMSGateway(client: app.http.client.shared, url: url, token: token)
    }
    app.bank = BankServices(
        config: config,
        clock: clock,
        cipher: PersonalDataCipher(keys: try await KeyRingStore.load(config, on: app.db)),
        localizer: localizer,
        smsGateway: gateway,
        passwordPolicy: try PasswordPolicy.bundled(),
        decoyPasswordHash: try Bcrypt.hash(SecureRandom.token(), cost: config.bcryptCost),
        purposes: try PurposeRegister.bundled(),
        policyVersions: PolicyVersionCache(clock: clock),
        workingCalendar: try WorkingCalendar.bundled()
    )
    app.bank.emailGateway = makeEmailGateway(config, app: app)
    switch config.pushGateway {
    case .log: app.bank.pushGateway = LogPushGateway(logger: app.logger, includesBody: !config.isProduction)
    case .http(let url, let token): app.bank.pushGateway = HTTPPushGateway(client: app.http.client.shared, url: url, token: token)
    }

    app.bank.accessLog = AccessLogBuffer(batching: config.runsBackgroundJobs)
    let problems = ProblemMiddleware(localizer: localizer)
    app.middleware = Middlewares()
    app.middleware.use(AccessLogMiddleware(problems: problems))
    app.middleware.use(problems)
    try routes(app, registry: MetricsRegistry.shared)
    // The web bank and the staff console (issue 12): BankClient over HTTP to this API, with the person's own token.
    // Cookies are `Secure` with the `__Host-` prefix in production; development on loopback relaxes that.
    try BankWeb.mount(app, config: WebConfig(apiBaseURL: config.webAPIURL, secureCookies: config.isProduction))

    if config.runsBackgroundJobs {
        for job in BackgroundJobs.all(app.bank, logger: app.logger) { app.lifecycle.use(job) }
    }
}

func useDatabase(_ config: AppConfig, on app: Application) async throws {
    switch config.database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = config.postgresSearchPath
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: config.postgresPoolSize, sqlLogLevel: .debug),
            as: .psql
        )
        // A named schema (tests give each run its own) must exist before the first migration.
        if let schema = config.postgresSearchPath?.first, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }
}

/// Every migration, in order. Never edit one that has landed: add a new one.
enum BankMigrations {
    static var all: [any Migration] {
        [
            CreateCompanies(), CreateUsers(), CreateMemberships(), CreateDevices(), CreateSessions(), CreateDeviceKeyChallenges(),
            CreatePolicyEditions(), CreatePolicyAcceptances(), CreateConsents(), SeedFirstPolicyEdition(),
            CreateOtpChallenges(), CreateSMSOutbox(), CreateAuditLog(), CreateAccessLog(), CreateRateLimitCounters(), CreateSecurityAlerts(),
            CreateLookupIndexes(),
            CreateAccounts(), CreateLedgerTransactions(), CreateLedgerEntries(),
            CreatePaymentOrders(), CreatePaymentSignatures(), CreateIdempotencyKeys(), AddCompanySigningRule(), CreatePaymentLimits(),
            CreateBeneficiariesAndTemplates(), CreatePayrolls(), CreateClearingMessages(),
            CreatePendingAudit(), AddConsentRecipient(), AddAcceptedPolicyVersion(), CreateStaffTables(), AddFirstEditionTranslations(),
            CreatePrivacyRequestTables(), CreateEmailOutbox(),
            CreateFraudTables(), CreateSupportAndFeedback(),
            CreateDisclosures(), CreateBreachIncidents(),
            CreateDocuments(),
            CreateInboxItems(), CreateNotificationPreferences(), CreatePushTokens(), CreatePushOutbox(), CreateContentItems(),
            CreateBranches(),
            CreateEmployeeInvitations(),
            AddMoneyPathColumns(),
            AddStaffSecondFactor(),
            AddSoleProprietors(),
            CreateAuditAnchors(), CreateSystemKeys(), CreatePersonKeys(), MovePersonKeysOutOfUsers(),
            AddStaffAccessLegalBasis(), AddPrivacyRequestCorrection(),
            AddBreachTracking(), AddAccountClosedAt(),
            AddSecurityAlertHandledBy(),
            AddConsentPublished(), AddConsentPurposeText(), AddConsentSubjectName(),
            CreateJobLeases(),
        ]
    }
}
