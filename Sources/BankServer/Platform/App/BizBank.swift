import Foundation
import Logging
import NIOPosix
import Vapor

/// The process entry: reads the configuration, builds the application and runs the requested command.
public enum BizBank {
    /// `bizbank` with no command, or `bizbank serve …`, runs the server.
    static func isServe(_ arguments: [String]) -> Bool {
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") }
        return command == nil || command == "serve"
    }

    public static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        var config: AppConfig
        do {
            config = try AppConfig.load(environment: ProcessInfo.processInfo.environment, isProduction: environment == .production)
                .withDevelopmentKeyIfAllowed(isProduction: environment == .production)
            let usesPostgres: Bool
            if case .postgres = config.database { usesPostgres = true } else { usesPostgres = false }
            try StartupGuard.check(
                environmentName: environment.name,
                explicit: StartupGuard.explicitlyNamed(
                    arguments: ProcessInfo.processInfo.arguments,
                    environment: ProcessInfo.processInfo.environment
                ),
                arguments: ProcessInfo.processInfo.arguments,
                usesPostgres: usesPostgres
            )
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            exit(78)  // EX_CONFIG
        } catch let error as StartupGuard.Refusal {
            FileHandle.standardError.write(Data(("bizbank: refusing to start: " + error.description + "\n").utf8))
            exit(78)
        }
        // Background jobs (SMS, e-mail and push dispatch, audit chaining, hourly retention) belong to `serve` only:
        // an operator command such as `privacy purge --dry-run` must not start a retention run of its own.
        config.runsBackgroundJobs = config.runsBackgroundJobs && Self.isServe(environment.arguments)
        // SQLite has one writer: a single event loop gives it exactly one connection, so writes never contend.
        let group: Application.EventLoopGroupProvider =
            switch config.database {
            case .postgres: .singleton
            case .sqliteFile, .sqliteMemory: .shared(MultiThreadedEventLoopGroup(numberOfThreads: 1))
            }
        let app = try await Application.make(environment, group)
        app.asyncCommands.use(AuditCommands(), as: "audit")
        app.asyncCommands.use(KeyCommands(), as: "keys")
        app.asyncCommands.use(AccountCommands(), as: "account")
        app.asyncCommands.use(PrivacyCommands(), as: "privacy")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(LedgerCommands(), as: "ledger")
        app.asyncCommands.use(BenchCommands(), as: "bench")
        app.asyncCommands.use(ClearingCommand(), as: "clearing")
        app.asyncCommands.use(PolicyCommands(), as: "policy")
        app.asyncCommands.use(StaffCommands(), as: "staff")
        app.asyncCommands.use(BranchCommands(), as: "branches")
        do {
            try await configure(app, config: config)
            if !config.isProduction, environment != .testing {
                try await DemoSeeder(services: app.bank).seedIfEmpty(on: app.db, announce: { print($0) })
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

extension AppConfig {
    func withDevelopmentKeyIfAllowed(isProduction: Bool) throws -> AppConfig {
        isProduction ? self : try withDevelopmentKey()
    }
}
