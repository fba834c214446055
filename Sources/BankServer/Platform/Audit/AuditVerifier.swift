import Fluent
import Foundation

/// Walks the audit chain (§5.1) and names the first record that was altered, the first gap where one is missing,
/// or a chain that no longer reaches its newest signed anchor.
///
/// Records from `keyedFrom` on must carry HMAC-SHA256 under the audit chain key, so a forger who edits a record and
/// recomputes every following hash with plain SHA-256 (or any other key) is named at the first record they
/// touched; records before `keyedFrom` were chained before the key existed and keep the plain SHA-256 rule. The
/// newest signed anchor (checked with the anchor key) must be reached: the chain may not be shorter than it, and its
/// record at that length must have the anchored hash, so deleting the newest records is detected too.
enum AuditVerifier {
    enum Finding: Equatable, Sendable {
        case intact(count: Int)
        case altered(seq: Int64)
        case missing(afterSeq: Int64, expectedSeq: Int64)
        case broken(seq: Int64)
        /// The chain stops before the newest signed anchor: its newest records were deleted.
        case truncated(count: Int, anchoredCount: Int64)
        /// The record at the anchored length does not have the anchored hash: the chain was rewritten.
        case anchorMismatch(seq: Int64)
        /// The newest anchor's signature is wrong: the anchor was forged or edited.
        case anchorForged(chainLength: Int64)
        /// Keyed records exist but no signed anchor does: the anchors were deleted.
        case unanchored(count: Int)
    }

    static func verify(on database: any Database, keys: KeyRing, batchSize: Int = 1000) async throws -> Finding {
        let anchor = try await AuditAnchor.query(on: database).filter(\.$signature != nil)
            .sort(\.$chainLength, .descending).sort(\.$atMilliseconds, .descending).first()
        if let anchor {
            let expected = AuditLog.signature(
                chainLength: anchor.chainLength,
                headHash: anchor.headHash,
                keyedFrom: anchor.keyedFrom,
                atMilliseconds: anchor.atMilliseconds,
                key: keys.auditAnchor
            )
            if anchor.signature != expected { return .anchorForged(chainLength: anchor.chainLength) }
        }
        // Where keying began: from the signed anchor, else from the migration's marker, else every record is keyed.
        let keyedFrom: Int64
        if let anchor {
            keyedFrom = anchor.keyedFrom
        } else {
            keyedFrom = try await AuditAnchor.query(on: database).filter(\.$signature == nil).first()?.keyedFrom ?? 1
        }
        var expectedSeq: Int64 = 1
        var previousHash = AuditLog.genesisHash
        var count = 0
        while true {
            let batch = try await AuditEntry.query(on: database)
                .filter(\.$seq >= expectedSeq)
                .sort(\.$seq, .ascending)
                .limit(batchSize)
                .all()
            if batch.isEmpty { break }
            for entry in batch {
                if entry.seq != expectedSeq { return .missing(afterSeq: expectedSeq - 1, expectedSeq: expectedSeq) }
                let hash = entry.seq >= keyedFrom ? AuditLog.hash(of: entry, key: keys.auditChain) : AuditLog.hash(of: entry)
                if hash != entry.hash { return .altered(seq: entry.seq) }
                if entry.previousHash != previousHash { return .broken(seq: entry.seq) }
                if let anchor, entry.seq == anchor.chainLength, entry.hash != anchor.headHash { return .anchorMismatch(seq: entry.seq) }
                previousHash = entry.hash
                expectedSeq += 1
                count += 1
            }
        }
        if let anchor, Int64(count) < anchor.chainLength { return .truncated(count: count, anchoredCount: anchor.chainLength) }
        if anchor == nil, Int64(count) >= keyedFrom { return .unanchored(count: count) }
        return .intact(count: count)
    }
}

extension AuditVerifier.Finding: CustomStringConvertible {
    var description: String {
        switch self {
        case .intact(let count): "audit chain intact: \(count) records"
        case .altered(let seq): "audit record \(seq) was altered: its content does not match its hash (or it was rehashed without the audit key)"
        case .missing(let after, let expected): "audit record \(expected) is missing (chain stops after \(after))"
        case .broken(let seq): "audit record \(seq) does not link to the record before it (inserted or replaced)"
        case .truncated(let count, let anchored):
            "audit chain has \(count) records but was anchored at \(anchored): the newest \(anchored - Int64(count)) record(s) were deleted"
        case .anchorMismatch(let seq): "audit record \(seq) does not have the hash its signed anchor recorded: the chain was rewritten"
        case .anchorForged(let length): "the newest audit anchor (length \(length)) has an invalid signature: it was forged or edited"
        case .unanchored(let count): "audit chain has \(count) keyed records but no signed anchor: the anchors were deleted"
        }
    }
}
