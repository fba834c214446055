import Crypto
import Fluent
import Foundation
import SQLKit

/// The hash-chained audit log (§5.1), written in two steps so that no business transaction waits on the chain:
/// `record` adds the event to `audit_pending` inside the caller's transaction (it commits or rolls back with the
/// change it describes), and `AuditChainer` moves committed events into the chain, one writer at a time.
enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    static func record(
        _ event: AuditEvent,
        actor: UUID?,
        subject: AuditSubject,
        details: [String: String] = [:],
        at date: Date,
        on database: any Database
    ) async throws {
        // A `PendingAuditRecord` row, as one plain statement: several are written per payment.
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        let atMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        try await sql.raw(
            """
            INSERT INTO audit_pending (at_ms, event, actor_id, subject, details)
            VALUES (\(bind: atMilliseconds), \(bind: event.rawValue), \(bind: actor), \(bind: subject.description), \(bind: canonicalJSON(details)))
            """
        ).run()
    }

    /// SHA-256 over the previous hash and every field, in a fixed, unambiguous layout.
    static func hash(of entry: AuditEntry) -> String {
        let fields = [
            entry.previousHash, String(entry.seq), String(entry.atMilliseconds), entry.event,
            entry.actorID?.uuidString ?? "-", entry.subject, entry.details,
        ]
        let material = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(material.utf8)).hexString
    }

    static func canonicalJSON(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(details), as: UTF8.self)) ?? "{}"
    }
}

/// Moves committed events from `audit_pending` into the chain. Chaining is serialised (an advisory lock on
/// PostgreSQL, the single writer connection on SQLite), so the chain never forks even with several servers;
/// each pass takes a batch, so the lock is held once per batch rather than once per event.
enum AuditChainer {
    static let lockKey = 7_711_001

    /// Chains everything committed so far; returns how many events were added.
    @discardableResult
    static func chainPending(on database: any Database, batchSize: Int = 500) async throws -> Int {
        var total = 0
        while true {
            let added = try await chainBatch(on: database, batchSize: batchSize)
            total += added
            if added < batchSize { return total }
        }
    }

    private static func chainBatch(on database: any Database, batchSize: Int) async throws -> Int {
        try await database.transaction { tx in
            if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
            }
            let pending = try await PendingAuditRecord.query(on: tx).sort(\.$id).limit(batchSize).all()
            guard !pending.isEmpty else { return 0 }
            let last = try await AuditEntry.query(on: tx).sort(\.$seq, .descending).first()
            var previousHash = last?.hash ?? AuditLog.genesisHash
            var seq = last?.seq ?? 0
            var entries: [AuditEntry] = []
            for record in pending {
                seq += 1
                let entry = AuditEntry()
                entry.seq = seq
                entry.atMilliseconds = record.atMilliseconds
                entry.event = record.event
                entry.actorID = record.actorID
                entry.subject = record.subject
                entry.details = record.details
                entry.previousHash = previousHash
                entry.hash = AuditLog.hash(of: entry)
                previousHash = entry.hash
                entries.append(entry)
            }
            try await entries.create(on: tx)
            let ids = pending.compactMap(\.id)
            try await PendingAuditRecord.query(on: tx).filter(\.$id ~~ ids).delete()
            return pending.count
        }
    }
}
