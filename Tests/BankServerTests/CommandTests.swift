import ConsoleKit
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// The operator commands, run the way `bizbank <group> <command>` runs them.
@Suite("bizbank commands")
struct CommandTests {
    private func run(_ group: any AsyncCommandGroup, _ arguments: [String], on app: Application) async throws {
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["bizbank"] + arguments))
        context.application = app
        try await app.console.run(group, with: context)
    }

    @Test(arguments: TestDatabase.all)
    func auditVerify_passesOnAnIntactChain_andFailsOnATamperedOne(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await t.registerActive()
            try await run(AuditCommands(), ["verify"], on: t.app)
            try await t.sql.raw("UPDATE audit_log SET details = '{}' WHERE seq = 2").run()
            await #expect(throws: CommandFailure.self) { try await run(AuditCommands(), ["verify"], on: t.app) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func accountUnblock_byPhone_restoresSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: grant.token).requireStatus(.ok)
            try await run(AccountCommands(), ["unblock", "--phone", registration.person.phone], on: t.app)
            #expect(try await User.query(on: t.db).first()?.status == .active)
            #expect(try await t.auditEvents().contains("account.unblocked"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func privacyPurge_dryRun_deletesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await t.send(.GET, "/api/v1/policy/current").requireStatus(.ok)
            t.clock.advance(seconds: 91 * 86_400)
            try await run(PrivacyCommands(), ["purge", "--dry-run"], on: t.app)
            #expect(try await AccessLogEntry.query(on: t.db).count() == 1)
            try await run(PrivacyCommands(), ["purge"], on: t.app)
            #expect(try await AccessLogEntry.query(on: t.db).count() == 0)
        }
    }
}
