import Fluent
import Metrics
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// §1.1: records every request — time, IP, user agent / app version, method, path (never the query),
/// status, duration and the user when known — and feeds the Prometheus request metrics. The rows go through
/// `AccessLogBuffer`: batched off the request path under `serve`.
struct AccessLogMiddleware: AsyncMiddleware {
    let problems: ProblemMiddleware

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = try problems.problemResponse(for: ProblemMiddleware.classify(error), request: request)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        Counter(
            label: "http_requests_total",
            dimensions: [("method", request.method.rawValue), ("route", route), ("status", "\(response.status.code)")]
        )
        .increment()
        Timer(label: "http_request_duration_seconds", dimensions: [("route", route)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(Int64(elapsed.components.seconds) * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        // liveness, readiness and metrics are the platform's own probes, not a person's use of the service (issue 15)
        if Self.isProbe(request.url.path) { return response }
        let path = String(request.url.path.prefix(500))
        let row = PendingAccessLogRow(
            id: UUID(),
            at: request.bank.clock.now(),
            ip: request.clientIP,
            userAgent: request.userAgent,
            appVersion: request.headers.first(name: "X-App-Version").map { String($0.prefix(32)) },
            method: request.method.rawValue,
            path: path,
            status: Int(response.status.code),
            milliseconds: milliseconds,
            userID: request.accessLogUser.userID
        )
        do {
            try await request.bank.accessLog.record(row, on: request.db)
        } catch {
            request.logger.error("access log write failed", metadata: ["path": "\(path)"])
        }
        return response
    }

    /// `/health/…` and `/metrics`: answered without an access-log row.
    static func isProbe(_ path: String) -> Bool {
        path == "/metrics" || path.hasPrefix("/health/")
    }
}

/// Lets inner middleware tell the access log who the caller was.
final class AccessLogUser: @unchecked Sendable {
    private let lock = NIOLock()
    private var value: UUID?

    var userID: UUID? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

extension Request {
    private struct AccessLogUserKey: StorageKey {
        typealias Value = AccessLogUser
    }

    var accessLogUser: AccessLogUser {
        if let box = storage[AccessLogUserKey.self] { return box }
        let box = AccessLogUser()
        storage[AccessLogUserKey.self] = box
        return box
    }
}
