import Fluent
import Foundation

/// One record of the append-only, hash-chained audit log (§5.1). `hash` covers the previous hash and
/// every field below, so an edited, inserted or deleted row breaks the chain.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int64
    /// Milliseconds since 1970: an integer survives both databases exactly, so the hash stays stable.
    @Field(key: "at_ms") var atMilliseconds: Int64
    @Field(key: "event") var event: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "subject") var subject: String
    /// Canonical JSON (sorted keys); never personal data in the clear — ids and masked values only.
    @Field(key: "details") var details: String
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
