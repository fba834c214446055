import Fluent
import Foundation

/// An audit event committed with the change it describes and not yet chained (`AuditChainer` chains it
/// within a second). The database assigns `id` in insertion order, which becomes the chain order.
final class PendingAuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_pending"

    @ID(custom: "id", generatedBy: .database) var id: Int64?
    @Field(key: "at_ms") var atMilliseconds: Int64
    @Field(key: "event") var event: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "details") var details: String

    init() {}
}
