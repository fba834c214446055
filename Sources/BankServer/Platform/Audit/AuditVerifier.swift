import Fluent
import Foundation

/// Walks the audit chain and names the first record that was altered, or the first gap where one is missing.
enum AuditVerifier {
    enum Finding: Equatable, Sendable {
        case intact(count: Int)
        case altered(seq: Int64)
        case missing(afterSeq: Int64, expectedSeq: Int64)
        case broken(seq: Int64)
    }

    static func verify(on database: any Database, batchSize: Int = 1000) async throws -> Finding {
        var expectedSeq: Int64 = 1
        var previousHash = AuditLog.genesisHash
        var count = 0
        while true {
            let batch = try await AuditEntry.query(on: database)
                .filter(\.$seq >= expectedSeq)
                .sort(\.$seq, .ascending)
                .limit(batchSize)
                .all()
            if batch.isEmpty { return .intact(count: count) }
            for entry in batch {
                if entry.seq != expectedSeq { return .missing(afterSeq: expectedSeq - 1, expectedSeq: expectedSeq) }
                if AuditLog.hash(of: entry) != entry.hash { return .altered(seq: entry.seq) }
                if entry.previousHash != previousHash { return .broken(seq: entry.seq) }
                previousHash = entry.hash
                expectedSeq += 1
                count += 1
            }
        }
    }
}

extension AuditVerifier.Finding: CustomStringConvertible {
    var description: String {
        switch self {
        case .intact(let count): "audit chain intact: \(count) records"
        case .altered(let seq): "audit record \(seq) was altered: its content does not match its hash"
        case .missing(let after, let expected): "audit record \(expected) is missing (chain stops after \(after))"
        case .broken(let seq): "audit record \(seq) does not link to the record before it (inserted or replaced)"
        }
    }
}
