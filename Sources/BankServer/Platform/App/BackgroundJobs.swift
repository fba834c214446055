import Fluent
import Vapor

/// Lifecycle-managed background work inside `serve`: audit chaining every 200 ms, SMS, e-mail and push dispatch every second,
/// interrupted payrolls resumed every minute, retention hourly.
/// Started after boot, cancelled and awaited on shutdown — never a fire-and-forget task.
final class BackgroundJobs: LifecycleHandler, @unchecked Sendable {
    private let services: BankServices
    private var task: Task<Void, Never>?
    private var auditTask: Task<Void, Never>?

    init(services: BankServices) {
        self.services = services
    }

    func didBootAsync(_ application: Application) async throws {
        let services = services
        let database = application.db
        let logger = application.logger
        auditTask = Task {
            while !Task.isCancelled {
                do {
                    try await AuditChainer.chainPending(on: database, keys: services.cipher.keys, logger: logger)
                } catch {
                    logger.warning("audit chaining failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        task = Task {
            let dispatcher = SMSDispatcher(services: services, logger: logger)
            let emailDispatcher = EmailDispatcher(services: services, logger: logger)
            let pushDispatcher = PushDispatcher(services: services, logger: logger)
            var lastRetention = Date.distantPast
            var lastPayrollCheck = Date.distantPast
            while !Task.isCancelled {
                do {
                    try await dispatcher.dispatchPending(on: database)
                    try await emailDispatcher.dispatchPending(on: database)
                    try await pushDispatcher.dispatchPending(on: database)
                    // a payroll whose process died between lines is finished by the next one (issue 10)
                    if services.clock.now().timeIntervalSince(lastPayrollCheck) > 60 {
                        let resumed = try await PayrollRunner(services: services).resumeInterrupted(on: database)
                        if resumed > 0 { logger.info("payrolls resumed", metadata: ["count": "\(resumed)"]) }
                        lastPayrollCheck = services.clock.now()
                    }
                    if services.clock.now().timeIntervalSince(lastRetention) > 3600 {
                        let report = try await RetentionJob(services: services).run(on: database)
                        logger.info("retention run", metadata: ["deleted": "\(report)"])
                        lastRetention = services.clock.now()
                    }
                } catch {
                    logger.warning("background job failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        auditTask?.cancel()
        await task?.value
        await auditTask?.value
        // Chain what the last requests committed, so a clean shutdown leaves nothing pending.
        _ = try? await AuditChainer.chainPending(on: application.db, keys: services.cipher.keys, logger: application.logger)
    }
}
