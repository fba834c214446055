import Fluent
import Foundation
import Vapor

/// The background work inside `serve`, one `PeriodicJob` each (issue 13), registered by `configure` only when
/// `runsBackgroundJobs` (so never in tests or operator commands). Each job is built here from only what it uses.
/// To add one: a `static func` here returning a `PeriodicJob`, and a line in `all`.
enum BackgroundJobs {
    static func all(_ services: BankServices, logger: Logger) -> [PeriodicJob] {
        [
            accessLogFlush(services.accessLog),
            auditChaining(keys: services.cipher.keys),
            outboxDispatch(
                sms: SMSDispatcher(services: services, logger: logger),
                email: EmailDispatcher(services: services, logger: logger),
                push: PushDispatcher(services: services, logger: logger)
            ),
            payrollResume(PayrollRunner(services: services)),
            retention(RetentionJob(services: services), lease: JobLease.retention(holder: JobLease.processHolder, clock: services.clock)),
        ]
    }

    /// The buffered access log written once a second, and what is left on shutdown (issue 15).
    static func accessLogFlush(_ buffer: AccessLogBuffer) -> PeriodicJob {
        PeriodicJob("access log flush", every: .seconds(1)) { database, _ in
            try await buffer.flush(on: database)
        } onShutdown: { database, logger in
            do {
                try await buffer.flush(on: database)
            } catch {
                logger.error("access log: last rows not written", metadata: ["rows": "\(buffer.count)"])
            }
        }
    }

    /// Audit events chained every 200 ms; on shutdown what the last requests committed, so nothing is left pending.
    static func auditChaining(keys: KeyRing) -> PeriodicJob {
        let chain: PeriodicJob.Step = { database, logger in
            _ = try await AuditChainer.chainPending(on: database, keys: keys, logger: logger)
        }
        return PeriodicJob("audit chaining", every: .milliseconds(200), step: chain, onShutdown: chain)
    }

    /// SMS, e-mail and push outboxes, every second.
    static func outboxDispatch(sms: SMSDispatcher, email: EmailDispatcher, push: PushDispatcher) -> PeriodicJob {
        PeriodicJob("outbox dispatch", every: .seconds(1)) { database, _ in
            _ = try await sms.dispatchPending(on: database)
            _ = try await email.dispatchPending(on: database)
            _ = try await push.dispatchPending(on: database)
        }
    }

    /// A payroll whose process died between lines is finished by the next one (issue 10), checked every minute.
    static func payrollResume(_ runner: PayrollRunner) -> PeriodicJob {
        PeriodicJob("payroll resume", every: .seconds(60)) { database, logger in
            let resumed = try await runner.resumeInterrupted(on: database)
            if resumed > 0 { logger.info("payrolls resumed", metadata: ["count": "\(resumed)"]) }
        }
    }

    /// Retention hourly, and only by the process holding the `retention` lease, so two servers on one database
    /// never run the same pass at once (`JobLease`).
    static func retention(_ job: RetentionJob, lease: JobLease) -> PeriodicJob {
        PeriodicJob("retention", every: .seconds(3600)) { database, logger in
            try await retentionPass(job, lease: lease, on: database, logger: logger)
        }
    }

    /// One retention pass under the lease; nil when another process holds it.
    @discardableResult
    static func retentionPass(_ job: RetentionJob, lease: JobLease, on database: any Database, logger: Logger) async throws -> RetentionJob.Report? {
        guard let report = try await lease.run(on: database, { try await job.run(on: database) }) else { return nil }
        logger.info("retention run", metadata: ["deleted": "\(report)"])
        return report
    }
}
