import Fluent
import Foundation
import SQLKit

/// A named lease in `job_leases` (issue 13): of the server processes sharing one database, only the one that claims
/// the lease runs the job. The claim is one conditional update (`sql.claim`): the row changes hands only while its
/// `leased_until` has passed, so of two callers racing exactly one wins. The winner keeps the lease for `duration`
/// (the job's interval, so the job runs once per interval across all processes) and lets it expire; a pass that fails
/// releases it at once, so another process may retry. A process that dies holding it blocks the job until it expires.
struct JobLease: Sendable {
    static let schema = "job_leases"
    /// This process's name as a holder: random, so it says nothing about the machine or anyone.
    static let processHolder = "process-\(UUID().uuidString.lowercased())"

    let name: String
    let holder: String
    let duration: TimeInterval
    let clock: any WallClock

    /// The hourly retention pass's lease.
    static func retention(holder: String, clock: any WallClock) -> JobLease {
        JobLease(name: "retention", holder: holder, duration: 3600, clock: clock)
    }

    /// Takes the lease when it is free or expired; true when this holder now has it until `now + duration`.
    func claim(on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let now = clock.now()
        // The row exists once per name; a second insert is ignored.
        try await sql.insert(into: Self.schema).columns("name", "holder", "leased_until")
            .values(SQLBind(name), SQLBind(""), SQLBind(Date(timeIntervalSince1970: 0)))
            .ignoringConflicts(with: "name")
            .run()
        let until = now.addingTimeInterval(duration)
        return try await sql.claim(Self.schema, key: "name", equals: name, set: ["holder": holder, "leased_until": until]) {
            $0.where("leased_until", .lessThanOrEqual, now)
        } != nil
    }

    /// Gives the lease back now, if this holder still has it.
    func release(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        try await sql.update(Self.schema).set("leased_until", to: clock.now())
            .where("name", .equal, name).where("holder", .equal, holder).run()
    }

    /// Runs `body` only when the claim succeeds (nil otherwise); the lease is kept to expire after a pass and
    /// released when the pass throws.
    func run<T: Sendable>(on database: any Database, _ body: () async throws -> T) async throws -> T? {
        guard try await claim(on: database) else { return nil }
        do {
            return try await body()
        } catch {
            try? await release(on: database)
            throw error
        }
    }
}
