import Foundation
import SQLKit

/// The claim idiom in one place: `UPDATE <table> SET … WHERE id = ? AND <state> RETURNING …`, built with SQLKit so
/// it reads the same on SQLite and PostgreSQL. The row changes only while `state` still holds, in one statement, so
/// of two callers racing for the same row exactly one gets it back; the other gets nil, as does a caller whose row
/// is gone or already moved on. Counters that always succeed (rate limits, failed sign-ins, ledger balances) are not
/// claims and do not use this.
extension SQLDatabase {
    /// Claims the row `id` of `table`: sets `values` where `state` (added to `id = ?` with AND) still holds, and
    /// answers the `returning` columns of the claimed row, or nil when nothing was claimed.
    ///
    /// ```swift
    /// let won = try await sql.claim("sms_outbox", id: id, set: ["status": "sending"]) { $0.where("status", .equal, "pending") } != nil
    /// ```
    func claim(
        _ table: String,
        id: UUID,
        set values: KeyValuePairs<String, any Encodable & Sendable>,
        returning columns: [String] = ["id"],
        where state: (SQLUpdateBuilder) throws -> Void
    ) async throws -> (any SQLRow)? {
        try await claim(table, key: "id", equals: id, set: values, returning: columns, where: state)
    }

    /// The same claim for a row found by another key column (`job_leases` by `name`).
    func claim(
        _ table: String,
        key: String,
        equals value: some Encodable & Sendable,
        set values: KeyValuePairs<String, any Encodable & Sendable>,
        returning columns: [String]? = nil,
        where state: (SQLUpdateBuilder) throws -> Void
    ) async throws -> (any SQLRow)? {
        let update = self.update(table)
        for (column, value) in values { update.set(column, to: value) }
        update.where(SQLColumn(key), .equal, SQLBind(value))
        try state(update)
        return try await update.returning((columns ?? [key]).map { SQLColumn($0) }).first()
    }
}
