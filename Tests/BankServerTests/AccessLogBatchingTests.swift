import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

/// Issue 15: under `serve` the §1.1 access log is written off the request path, in batches, and never for the
/// platform's probes; the export still shows the last second, and destruction leaves nothing of it behind.
@Suite("Access log: batched off the request path (§1.1, issue 15)")
struct AccessLogBatchingTests {
    @Test(arguments: TestDatabase.all)
    func rows_waitForTheFlush_inOneBatch_andProbesAreNeverLogged(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            t.app.bank.accessLog = AccessLogBuffer(batching: true)
            for path in ["/health/live", "/health/ready", "/metrics"] {
                try await t.send(.GET, path).requireStatus(.ok)
            }
            for _ in 0..<3 {
                try await t.send(.GET, "/api/v1/policy/current", ip: "192.0.2.7").requireStatus(.ok)
            }
            try await t.send(.GET, "/no/such/route").requireStatus(.notFound)
            // answered before anything was written
            #expect(try await AccessLogEntry.query(on: t.db).count() == 0)
            #expect(t.services.accessLog.count == 4)

            #expect(try await t.services.accessLog.flush(on: t.db) == 4)
            let rows = try await AccessLogEntry.query(on: t.db).all()
            #expect(rows.filter { $0.path == "/api/v1/policy/current" && $0.ip == "192.0.2.7" && $0.status == 200 }.count == 3)
            #expect(rows.contains { $0.path == "/no/such/route" && $0.status == 404 })
            #expect(!rows.contains { $0.path.hasPrefix("/health") || $0.path == "/metrics" })
            #expect(t.services.accessLog.count == 0)
            #expect(try await t.services.accessLog.flush(on: t.db) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBatchLargerThanOneStatement_isWrittenWhole(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let buffer = AccessLogBuffer(batching: true)
            let total = AccessLogBuffer.rowsPerStatement * 2 + 7
            for index in 0..<total {
                let row = PendingAccessLogRow(
                    id: UUID(),
                    at: t.clock.now(),
                    ip: "192.0.2.1",
                    userAgent: "load",
                    appVersion: nil,
                    method: "GET",
                    path: "/api/v1/row/\(index)",
                    status: 200,
                    milliseconds: 1,
                    userID: nil
                )
                try await buffer.record(row, on: t.db)
            }
            #expect(try await buffer.flush(on: t.db) == total)
            #expect(try await AccessLogEntry.query(on: t.db).count() == total)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theExport_flushesFirst_andDestruction_dropsThePersonsQueuedRows(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            t.app.bank.accessLog = AccessLogBuffer(batching: true)
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token)
                .requireStatus(.ok).content.decode(PersonalDataExport.self)
            #expect(export.accessLog.contains { $0.path == "/api/v1/me" })

            // a request of the person still queued when they are destroyed is never written
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
            try await t.send(.GET, "/api/v1/policy/current").requireStatus(.ok)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            try await PersonalDataShredder(services: t.services).destroy(user, on: t.db)
            try await t.services.accessLog.flush(on: t.db)
            #expect(try await AccessLogEntry.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
            #expect(try await AccessLogEntry.query(on: t.db).filter(\.$path == "/api/v1/policy/current").count() == 1)
        }
    }
}
