import Fluent
import Vapor

/// One background loop under `serve` (issue 13): runs its named `step` every `interval`, from boot until shutdown.
/// A failed step is logged by job name and error type only — never the error's text, which may carry personal data —
/// and the loop carries on. On shutdown the loop is cancelled and awaited (never a fire-and-forget task), then
/// `finalStep`, when given, runs once (the last audit chaining, the last access-log rows).
/// Each job is built with only what its step uses; `BackgroundJobs` lists them.
final class PeriodicJob: LifecycleHandler, @unchecked Sendable {
    typealias Step = @Sendable (_ database: any Database, _ logger: Logger) async throws -> Void

    let name: String
    let interval: Duration
    private let step: Step
    private let finalStep: Step?
    /// Set in `didBootAsync` and read in `shutdownAsync`, which the application calls one after the other.
    private var task: Task<Void, Never>?

    init(_ name: String, every interval: Duration, step: @escaping Step, onShutdown finalStep: Step? = nil) {
        self.name = name
        self.interval = interval
        self.step = step
        self.finalStep = finalStep
    }

    func didBootAsync(_ application: Application) async throws {
        let (name, interval, step) = (name, interval, step)
        let database = application.db
        let logger = application.logger
        task = Task {
            while !Task.isCancelled {
                await Self.run(name, step, on: database, logger: logger)
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
        task = nil
        if let finalStep { await Self.run(name, finalStep, on: application.db, logger: application.logger) }
    }

    /// One pass of `step`; a failure is logged without its message (which may carry personal data) and swallowed.
    static func run(_ name: String, _ step: Step, on database: any Database, logger: Logger) async {
        do {
            try await step(database, logger)
        } catch {
            logger.warning("background job failed", metadata: ["job": "\(name)", "error": "\(String(reflecting: type(of: error)))"])
        }
    }
}
