import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// One request's §1.1 access-log row, as the middleware saw it.
struct PendingAccessLogRow: Sendable {
    let id: UUID
    let at: Date
    let ip: String
    let userAgent: String
    let appVersion: String?
    let method: String
    let path: String
    let status: Int
    let milliseconds: Int
    let userID: UUID?
}

/// The access log off the request path (issue 15): under `serve` the middleware only appends here and
/// the `access log flush` job (`BackgroundJobs`) writes what has gathered once a second, in one multi-row INSERT
/// per 500 rows. A crash loses at most the rows of the last second (docs/SECURITY.md). The export flushes first and
/// destruction drops the person's queued rows, so nothing buffered escapes either. Without batching (tests,
/// commands) each row is written before the response, as a single statement.
final class AccessLogBuffer: Sendable {
    /// Rows kept while the database refuses them; beyond this the oldest are dropped (and counted in the log).
    static let capacity = 50_000
    static let rowsPerStatement = 500

    let batching: Bool
    private let pending = NIOLockedValueBox<[PendingAccessLogRow]>([])

    init(batching: Bool) {
        self.batching = batching
    }

    /// Records `row`: queued when batching, written at once otherwise.
    func record(_ row: PendingAccessLogRow, on database: any Database) async throws {
        guard batching else { return try await Self.insert([row], on: database) }
        let dropped = pending.withLockedValue { rows -> Int in
            rows.append(row)
            let excess = rows.count - Self.capacity
            if excess > 0 { rows.removeFirst(excess) }
            return max(excess, 0)
        }
        if dropped > 0 { database.logger.error("access log buffer full, oldest rows dropped", metadata: ["rows": "\(dropped)"]) }
    }

    /// Drops the queued rows of one person: their destruction (art. 24) must not be followed by their rows.
    func discard(userID: UUID) {
        pending.withLockedValue { rows in rows.removeAll { $0.userID == userID } }
    }

    /// How many rows wait to be written.
    var count: Int { pending.withLockedValue { $0.count } }

    /// Writes every queued row; on failure puts them back in front of what arrived meanwhile. Returns the rows written.
    @discardableResult
    func flush(on database: any Database) async throws -> Int {
        let rows = pending.withLockedValue { rows -> [PendingAccessLogRow] in
            defer { rows.removeAll(keepingCapacity: true) }
            return rows
        }
        guard !rows.isEmpty else { return 0 }
        do {
            var start = rows.startIndex
            while start < rows.endIndex {
                let end = min(start + Self.rowsPerStatement, rows.endIndex)
                try await Self.insert(rows[start..<end], on: database)
                start = end
            }
        } catch {
            pending.withLockedValue { queued in
                queued.insert(contentsOf: rows, at: 0)
                if queued.count > Self.capacity { queued.removeFirst(queued.count - Self.capacity) }
            }
            throw error
        }
        return rows.count
    }

    /// One statement for all of `rows`, past the model layer's reflection (the transfer benchmark's profile).
    /// A batch is written whole or not at all; a row already written (same id) is not written twice.
    static func insert(_ rows: some Collection<PendingAccessLogRow>, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: AccessLogEntry.schema)
            .columns("id", "at", "ip", "user_agent", "app_version", "method", "path", "status", "duration_ms", "user_id")
        for row in rows {
            insert = insert.values(
                SQLBind(row.id),
                SQLBind(row.at),
                SQLBind(row.ip),
                SQLBind(row.userAgent),
                SQLBind(row.appVersion),
                SQLBind(row.method),
                SQLBind(row.path),
                SQLBind(row.status),
                SQLBind(row.milliseconds),
                SQLBind(row.userID)
            )
        }
        try await insert.run()
    }
}
