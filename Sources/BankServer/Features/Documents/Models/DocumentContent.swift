import Fluent
import Foundation

/// The stored bytes of a `StoredDocument`, sealed with AES-GCM (see `DocumentVault` for which key and why).
final class DocumentContent: Model, @unchecked Sendable {
    static let schema = "document_contents"

    /// The document's own id.
    @ID(key: .id) var id: UUID?
    @Field(key: "sealed") var sealed: Data

    init() {}
}
