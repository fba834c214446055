import Foundation
import Logging
import Testing

@testable import BankServer

/// Issue 13: each background loop under `serve` is one `PeriodicJob`: its step repeats, a failed step does not stop
/// it, shutdown cancels and awaits it and then runs its final step once.
@Suite("Periodic jobs")
struct PeriodicJobTests {
    private actor Count {
        var value = 0
        func add() -> Int {
            value += 1
            return value
        }
    }

    private struct ProbeFailure: Error {}

    @Test(arguments: TestDatabase.all)
    func aJob_repeats_survivesAFailure_andRunsItsFinalStepOnShutdown(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let runs = Count()
            let finals = Count()
            let job = PeriodicJob("probe", every: .milliseconds(10)) { _, _ in
                if await runs.add() == 1 { throw ProbeFailure() }
            } onShutdown: { _, _ in
                _ = await finals.add()
            }
            try await job.didBootAsync(t.app)
            for _ in 0..<500 where await runs.value < 3 { try await Task.sleep(for: .milliseconds(10)) }
            await job.shutdownAsync(t.app)
            let stopped = await runs.value
            #expect(stopped >= 3)
            #expect(await finals.value == 1)
            try await Task.sleep(for: .milliseconds(60))
            #expect(await runs.value == stopped)
        }
    }

    @Test(arguments: TestDatabase.all)
    func serve_registersOneJobPerLoop_atTodaysIntervals(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let jobs = BackgroundJobs.all(t.services, logger: Logger(label: "test"))
            #expect(jobs.map(\.name) == ["access log flush", "audit chaining", "outbox dispatch", "payroll resume", "retention"])
            #expect(jobs.map(\.interval) == [.seconds(1), .milliseconds(200), .seconds(1), .seconds(60), .seconds(3600)])
        }
    }
}
