import Crypto
import Fluent
import Foundation
import Logging
import Metrics
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

    /// The link material: the previous hash and every field, in a fixed, unambiguous layout.
    private static func material(of entry: AuditEntry) -> Data {
        let fields = [
            entry.previousHash, String(entry.seq), String(entry.atMilliseconds), entry.event,
            entry.actorID?.uuidString ?? "-", entry.subject, entry.details,
        ]
        return Data(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|").utf8)
    }

    /// Plain SHA-256 of the link: the rule of records chained before the audit key existed (`AuditAnchor.keyedFrom`).
    static func hash(of entry: AuditEntry) -> String {
        SHA256.hash(data: material(of: entry)).hexString
    }

    /// §5.1: HMAC-SHA256 of the link under the audit chain key (`KeyRing.auditChain`): without the key nobody can
    /// recompute the chain after an edit.
    static func hash(of entry: AuditEntry, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: material(of: entry), using: key).hexString
    }

    /// §5.1: HMAC-SHA256 of an anchor's fields under the anchor key (`KeyRing.auditAnchor`).
    static func signature(chainLength: Int64, headHash: String, keyedFrom: Int64, atMilliseconds: Int64, key: SymmetricKey) -> String {
        let fields = ["audit-anchor", String(chainLength), headHash, String(keyedFrom), String(atMilliseconds)]
        let material = Data(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|").utf8)
        return HMAC<SHA256>.authenticationCode(for: material, using: key).hexString
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
///
/// §5.1: each link is HMAC-SHA256 under the audit chain key, and each batch that chained at least one record
/// writes one signed `AuditAnchor` (length, head hash, time) in the same transaction, then logs it
/// ("audit anchor") and sets the `bizbank_audit_chain_length` gauge, so the head is also held outside the database.
enum AuditChainer {
    static let lockKey = 7_711_001
    static let chainLengthGauge = "bizbank_audit_chain_length"

    /// Chains everything committed so far; returns how many events were added.
    @discardableResult
    static func chainPending(
        on database: any Database,
        keys: KeyRing,
        logger: Logger = Logger(label: "bizbank.audit"),
        batchSize: Int = 500
    ) async throws -> Int {
        var total = 0
        while true {
            let (added, anchor) = try await chainBatch(on: database, keys: keys, batchSize: batchSize)
            if let anchor {
                logger.info(
                    "audit anchor",
                    metadata: [
                        "count": "\(anchor.chainLength)", "hash": "\(anchor.headHash)", "keyed_from": "\(anchor.keyedFrom)",
                        "at_ms": "\(anchor.atMilliseconds)", "signature": "\(anchor.signature ?? "")",
                    ]
                )
                Gauge(label: chainLengthGauge).record(anchor.chainLength)
            }
            total += added
            if added < batchSize { return total }
        }
    }

    private static func chainBatch(on database: any Database, keys: KeyRing, batchSize: Int) async throws -> (Int, AuditAnchor?) {
        try await database.transaction { tx in
            if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
            }
            let pending = try await PendingAuditRecord.query(on: tx).sort(\.$id).limit(batchSize).all()
            guard !pending.isEmpty else { return (0, nil) }
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
                entry.hash = AuditLog.hash(of: entry, key: keys.auditChain)
                previousHash = entry.hash
                entries.append(entry)
            }
            try await entries.create(on: tx)
            let ids = pending.compactMap(\.id)
            try await PendingAuditRecord.query(on: tx).filter(\.$id ~~ ids).delete()
            // Where keying began never changes; with no anchor at all (deleted), every record must be keyed.
            let previous = try await AuditAnchor.query(on: tx).sort(\.$chainLength, .descending).first()
            let anchor = AuditAnchor()
            anchor.chainLength = seq
            anchor.headHash = previousHash
            anchor.keyedFrom = previous?.keyedFrom ?? 1
            anchor.atMilliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
            anchor.signature = AuditLog.signature(
                chainLength: anchor.chainLength,
                headHash: anchor.headHash,
                keyedFrom: anchor.keyedFrom,
                atMilliseconds: anchor.atMilliseconds,
                key: keys.auditAnchor
            )
            try await anchor.create(on: tx)
            return (pending.count, anchor)
        }
    }
}
