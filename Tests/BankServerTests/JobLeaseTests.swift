import Fluent
import Foundation
import Logging
import SQLKit
import Testing

@testable import BankServer

/// Issue 13: two server processes on one database never run the same retention pass at once. The pass runs only
/// under the `job_leases` row its process has claimed; a live lease of another holder keeps it from running, an
/// expired one is taken over.
@Suite("Job leases")
struct JobLeaseTests {
    private actor Runs {
        var count = 0
        func add() { count += 1 }
    }

    @Test(arguments: TestDatabase.all)
    func racingCallers_exactlyOneRunsThePass(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let runs = Runs()
            let db = t.db
            let clock = t.clock
            let ran = try await withThrowingTaskGroup(of: Bool.self) { group in
                for caller in 0..<5 {
                    group.addTask {
                        let lease = JobLease.retention(holder: "process-\(caller)", clock: clock)
                        return try await lease.run(on: db) { await runs.add() } != nil
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(ran == 1)
            #expect(await runs.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExpiredLease_isTakenOver(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let first = JobLease.retention(holder: "process-a", clock: t.clock)
            let second = JobLease.retention(holder: "process-b", clock: t.clock)
            #expect(try await first.claim(on: t.db))
            #expect(try await second.claim(on: t.db) == false)
            t.clock.advance(seconds: 3599)
            #expect(try await second.claim(on: t.db) == false)
            t.clock.advance(seconds: 2)
            #expect(try await second.claim(on: t.db))
            #expect(try await first.claim(on: t.db) == false)
            let holder = try #require(try await t.sql.select().column("holder").from(JobLease.schema).where("name", .equal, "retention").first())
            #expect(try holder.decode(column: "holder", as: String.self) == "process-b")
        }
    }

    @Test(arguments: TestDatabase.all)
    func retentionPass_doesNotRun_whileAnotherHoldersLeaseIsLive(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let old = t.clock.now().addingTimeInterval(-Double(t.services.config.accessLogRetentionDays + 1) * 86_400)
            let row = PendingAccessLogRow(
                id: UUID(),
                at: old,
                ip: "192.0.2.1",
                userAgent: "test",
                appVersion: nil,
                method: "GET",
                path: "/health",
                status: 200,
                milliseconds: 1,
                userID: nil
            )
            try await AccessLogBuffer.insert([row], on: t.db)
            let logger = Logger(label: "test")
            let job = RetentionJob(services: t.services)
            let mine = JobLease.retention(holder: "process-mine", clock: t.clock)
            #expect(try await JobLease.retention(holder: "process-other", clock: t.clock).claim(on: t.db))

            let skipped = try await BackgroundJobs.retentionPass(job, lease: mine, on: t.db, logger: logger)
            #expect(skipped == nil)
            #expect(try await AccessLogEntry.find(row.id, on: t.db) != nil)

            t.clock.advance(seconds: 3601)  // the other holder's lease has run out
            let report = try #require(try await BackgroundJobs.retentionPass(job, lease: mine, on: t.db, logger: logger))
            #expect(report.accessLogRows >= 1)
            #expect(try await AccessLogEntry.find(row.id, on: t.db) == nil)
        }
    }
}
