import Crypto
import Fluent
import Foundation
import SQLKit

/// Fixed-window counters kept in the database, so several server processes share one limit.
/// Bucket names are HMACed: they never hold a phone number or IP in the clear.
struct RateLimiter: Sendable {
    let cipher: PersonalDataCipher
    let clock: any WallClock

    struct Rule: Sendable {
        let name: String
        let limit: Int
        let windowSeconds: Int
    }

    /// Counts one hit; throws `rate_limited` (429, Retry-After) once the window's limit is passed.
    func hit(_ rule: Rule, key: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let now = Int64(clock.now().timeIntervalSince1970)
        let window = Int64(rule.windowSeconds)
        let windowStart = now - now % window
        let bucket = rule.name + ":" + cipher.blindIndex(key, kind: "rate-limit")
        let row = try await sql.raw(
            """
            INSERT INTO rate_limit_counters (id, bucket, window_start, hits) VALUES (\(bind: UUID()), \(bind: bucket), \(bind: windowStart), 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
            RETURNING hits
            """
        ).first()
        let hits = try row?.decode(column: "hits", as: Int.self) ?? 0
        if hits > rule.limit {
            throw BankError.rateLimited(retryAfter: Int(windowStart + window - now))
        }
    }

    /// Deletes windows that have closed (retention).
    func purge(olderThan seconds: Int, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let cutoff = Int64(clock.now().timeIntervalSince1970) - Int64(seconds)
        try await sql.raw("DELETE FROM rate_limit_counters WHERE window_start < \(bind: cutoff)").run()
    }
}

extension BankServices {
    var rateLimiter: RateLimiter { RateLimiter(cipher: cipher, clock: clock) }
}
