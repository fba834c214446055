import BankAPI
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// State lives in the database, so several server processes behave as one (ARCHITECTURE.md).
@Suite("Several server processes on one database")
struct MultiProcessTests {
    private func sharedConfig(_ database: TestDatabase) throws -> AppConfig {
        var config = try testConfig(database)
        if database == .sqlite {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bizbank-\(UUID().uuidString)")
            config.database = .sqliteFile(path: directory.appendingPathComponent("shared.sqlite").path)
        }
        return config
    }

    @Test(arguments: TestDatabase.all)
    func rateLimits_areShared_byTwoServersOnOneDatabase(_ database: TestDatabase) async throws {
        var config = try sharedConfig(database)
        config.security.signInPerIPPerMinute = 4
        let clock = ManualClock()
        try await withApp(config: config, clock: clock, dropSchema: false) { first in
            try await withApp(config: config, clock: clock, dropSchema: true) { second in
                let request = SignInRequest(phone: Fixtures.phone(), password: "Whatever-Password-1", device: Fixtures.device())
                for server in [first, second, first, second] {
                    try await server.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.77").requireStatus(.unauthorized)
                }
                #expect(try await first.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.77").status == .tooManyRequests)
                #expect(try await second.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.77").status == .tooManyRequests)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSessionOpenedOnOneServer_worksOnTheOther_andSignOutEndsItOnBoth(_ database: TestDatabase) async throws {
        let config = try sharedConfig(database)
        let clock = ManualClock()
        try await withApp(config: config, clock: clock, dropSchema: false) { first in
            try await withApp(config: config, clock: clock, dropSchema: true) { second in
                let grant = try await first.registerActive()
                try await second.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
                try await second.send(.POST, "/api/v1/auth/sign-out", token: grant.token).requireStatus(.noContent)
                #expect(try await first.send(.GET, "/api/v1/me", token: grant.token).status == .unauthorized)
            }
        }
    }
}
