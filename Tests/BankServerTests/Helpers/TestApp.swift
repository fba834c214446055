import BankAPI
import Fluent
import Foundation
import NIOPosix
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// The databases every database-touching test runs on: SQLite in memory always, PostgreSQL when
/// `BIZBANK_TEST_POSTGRES_URL` is set (CI sets it).
enum TestDatabase: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BIZBANK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}

/// A running application on a fresh database with a clock the test moves.
struct TestHarness: Sendable {
    let app: Application
    let clock: ManualClock
    var services: BankServices { app.bank }
    var db: any Database { app.db }
    var sql: any SQLDatabase { app.db as! any SQLDatabase }  // both drivers are SQL databases
}

/// The base configuration of a test: development rules, a random key, cheap bcrypt, X-Forwarded-For trusted
/// so tests can act from several IPs.
func testConfig(_ database: TestDatabase, schema: String? = nil) throws -> AppConfig {
    var config = try AppConfig.load(environment: [:], isProduction: false, isTesting: true)
    config.masterKey = SecureRandom.bytes(32)
    config.trustForwardedFor = true
    if database == .postgres, let url = TestDatabase.postgresURL {
        config.database = .postgres(url: url)
        config.postgresSearchPath = [schema ?? "t_" + SecureRandom.bytes(6).hexString]
        config.postgresPoolSize = 2
    }
    return config
}

/// Runs `body` against a new application and always shuts it down (and drops its PostgreSQL schema).
/// A change to the test configuration, e.g. `.set { $0.security.lockMinutes = 1 }`.
struct ConfigChange: Sendable {
    let apply: @Sendable (inout AppConfig) -> Void

    static func set(_ apply: @escaping @Sendable (inout AppConfig) -> Void) -> ConfigChange { ConfigChange(apply: apply) }
    static let none = ConfigChange { _ in }
}

func withApp(
    _ database: TestDatabase,
    adjust: ConfigChange = .none,
    _ body: (TestHarness) async throws -> Void
) async throws {
    var config = try testConfig(database)
    adjust.apply(&config)
    try await withApp(config: config, dropSchema: true, body)
}

func withApp(config: AppConfig, clock: ManualClock = ManualClock(), dropSchema: Bool, _ body: (TestHarness) async throws -> Void) async throws {
    await AppGate.shared.acquire()
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let app: Application
    do {
        app = try await Application.make(.testing, .shared(group))
    } catch {
        await AppGate.shared.release()
        throw error
    }
    app.logger.logLevel = .warning
    var failure: (any Error)?
    do {
        try await configure(app, config: config, clock: clock)
        try await body(TestHarness(app: app, clock: clock))
    } catch {
        failure = error
    }
    if dropSchema, let schema = config.postgresSearchPath?.first, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    try? await group.shutdownGracefully()
    await AppGate.shared.release()
    if let failure { throw failure }
}

extension TestHarness {
    /// Chains what is pending (the server does this every 200 ms) and returns the chain's events in order.
    func auditEvents() async throws -> [String] {
        try await chainAudit()
        return try await AuditEntry.query(on: db).sort(\.$seq).all().map(\.event)
    }
}
