import Fluent
import Foundation

/// §5.1: the signed head of the audit chain, written outside the chained table after every chaining pass (and to the
/// log and `/metrics`), so cutting the chain's tail or rewriting it is detected (`AuditVerifier`).
///
/// `chainLength` and `headHash` say what the chain was; `keyedFrom` is the first sequence number chained with
/// HMAC-SHA256 under the audit key (records before it were chained with plain SHA-256 before the key existed);
/// `signature` is HMAC-SHA256 under the separate anchor key over all of them. The row the migration writes marks
/// where keying began and carries no signature (the migration has no key).
final class AuditAnchor: Model, @unchecked Sendable {
    static let schema = "audit_anchors"

    @ID(key: .id) var id: UUID?
    @Field(key: "chain_length") var chainLength: Int64
    @Field(key: "head_hash") var headHash: String
    @Field(key: "keyed_from") var keyedFrom: Int64
    @Field(key: "at_ms") var atMilliseconds: Int64
    /// Hex HMAC-SHA256; nil only on the migration's row.
    @OptionalField(key: "signature") var signature: String?

    init() {}
}
