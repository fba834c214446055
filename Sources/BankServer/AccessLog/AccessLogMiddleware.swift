import Fluent
import Metrics
import NIOConcurrencyHelpers
import Vapor

/// §1.1: records every request — time, IP, user agent / app version, method, path (never the query),
/// status, duration and the user when known — and feeds the Prometheus request metrics.
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
        let entry = AccessLogEntry()
        entry.at = request.bank.clock.now()
        entry.ip = request.clientIP
        entry.userAgent = request.userAgent
        entry.appVersion = request.headers.first(name: "X-App-Version").map { String($0.prefix(32)) }
        entry.method = request.method.rawValue
        entry.path = String(request.url.path.prefix(500))
        entry.status = Int(response.status.code)
        entry.durationMilliseconds = milliseconds
        entry.userID = request.accessLogUser.userID
        do {
            try await entry.create(on: request.db)
        } catch {
            request.logger.error("access log write failed", metadata: ["path": "\(entry.path)"])
        }
        return response
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
