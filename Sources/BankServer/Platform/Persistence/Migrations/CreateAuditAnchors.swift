import Fluent
import Foundation
import SQLKit

/// §5.1 anchors of the audit chain's head (see `AuditAnchor`). Records chained before this migration were hashed
/// with plain SHA-256 and stay verified by that rule; the unsigned row written here says where the keyed records begin.
struct CreateAuditAnchors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditAnchor.schema)
            .id()
            .field("chain_length", .int64, .required)
            .field("head_hash", .string, .required)
            .field("keyed_from", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("signature", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_anchors_length_idx").on(AuditAnchor.schema).column("chain_length").run()
        }
        let last = try await AuditEntry.query(on: database).sort(\.$seq, .descending).first()
        let marker = AuditAnchor()
        marker.chainLength = last?.seq ?? 0
        marker.headHash = last?.hash ?? AuditLog.genesisHash
        marker.keyedFrom = (last?.seq ?? 0) + 1
        marker.atMilliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        marker.signature = nil
        try await marker.create(on: database)
    }

    func revert(on database: any Database) async throws { try await database.schema(AuditAnchor.schema).delete() }
}
