import Crypto
import Fluent
import Foundation
import SQLKit

/// Appends to the hash-chained audit log (§5.1). Appends are serialised (an advisory lock on PostgreSQL,
/// the single writer connection on SQLite) so the chain never forks.
enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    static func record(
        _ event: String,
        actor: UUID?,
        subject: String,
        details: [String: String] = [:],
        at date: Date,
        on database: any Database
    ) async throws {
        try await database.transaction { tx in
            if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(7711001)").run()
            }
            let last = try await AuditEntry.query(on: tx).sort(\.$seq, .descending).first()
            let entry = AuditEntry()
            entry.seq = (last?.seq ?? 0) + 1
            entry.atMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
            entry.event = event
            entry.actorID = actor
            entry.subject = subject
            entry.details = canonicalJSON(details)
            entry.previousHash = last?.hash ?? genesisHash
            entry.hash = hash(of: entry)
            try await entry.create(on: tx)
        }
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
