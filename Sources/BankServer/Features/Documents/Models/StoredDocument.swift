import Fluent
import Foundation

/// A photo or document uploaded under §2.3.2: the user's own photo, or a company's document (on its profile,
/// attached to a payment order, or the picture a payment template was made from). Metadata only; the sealed bytes
/// are in `DocumentContent`, so listing documents never reads megabytes.
/// `@unchecked Sendable`: Fluent models are mutable reference types; we never share one across tasks.
final class StoredDocument: Model, @unchecked Sendable {
    static let schema = "documents"

    // managed
    @ID(key: .id) var id: UUID?
    /// Milliseconds since 1970: an integer, so the keyset cursor compares exactly on both databases.
    @Field(key: "uploaded_at_ms") var uploadedAtMilliseconds: Int64

    // reference
    @Enum(key: "kind") var kind: Kind
    /// The owning company; nil for a user's photo.
    @OptionalParent(key: "company_id") var company: Company?
    @Parent(key: "uploaded_by") var uploader: User
    /// The user whose photo this is; unique, so a user has at most one photo (nil for company documents).
    @OptionalField(key: "photo_of") var photoOf: UUID?
    @OptionalParent(key: "payment_id") var payment: PaymentOrderRecord?
    @OptionalParent(key: "template_id") var template: PaymentTemplate?

    // data
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    /// SHA-256 (hex) of the stored bytes (metadata already removed), checked again on every download.
    @Field(key: "sha256") var sha256: String
    /// Names of the removed JPEG segments or PNG chunks, comma-separated (never their content).
    @Field(key: "removed_metadata") var removedMetadata: String

    init() {}
}

extension StoredDocument {
    enum Kind: String, Codable, Sendable, CaseIterable {
        /// §2.3.2 "showing the user's photo in the App".
        case userPhoto = "user_photo"
        /// §2.3.2 "uploading required documents" to the company's profile.
        case companyDocument = "company_document"
        /// A document attached to a payment order (a contract, an invoice).
        case paymentAttachment = "payment_attachment"
        /// §2.3.2 "adding a payment template": the picture the user copied the template's fields from.
        case templatePicture = "template_picture"
    }

    var uploadedAt: Date { Date(timeIntervalSince1970: Double(uploadedAtMilliseconds) / 1000) }
}
