import Fluent
import Metrics
import NIOConcurrencyHelpers
import SQLKit
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
        let path = String(request.url.path.prefix(500))
        do {
            try await Self.insert(
                at: request.bank.clock.now(),
                ip: request.clientIP,
                userAgent: request.userAgent,
                appVersion: request.headers.first(name: "X-App-Version").map { String($0.prefix(32)) },
                method: request.method.rawValue,
                path: path,
                status: Int(response.status.code),
                milliseconds: milliseconds,
                userID: request.accessLogUser.userID,
                on: request.db
            )
        } catch {
            request.logger.error("access log write failed", metadata: ["path": "\(path)"])
        }
        return response
    }
}

extension AccessLogMiddleware {
    /// One row of `AccessLogEntry`, written as a single SQL statement: this runs on every request, so it skips
    /// the model layer's reflection (the transfer benchmark's profile, docs/BENCHMARKS.md).
    static func insert(
        at: Date,
        ip: String,
        userAgent: String,
        appVersion: String?,
        method: String,
        path: String,
        status: Int,
        milliseconds: Int,
        userID: UUID?,
        on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        try await sql.raw(
            """
            INSERT INTO access_log (id, at, ip, user_agent, app_version, method, path, status, duration_ms, user_id)
            VALUES (\(bind: UUID()), \(bind: at), \(bind: ip), \(bind: userAgent), \(bind: appVersion), \(bind: method), \(bind: path),
                    \(bind: status), \(bind: milliseconds), \(bind: userID))
            """
        ).run()
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
