import Foundation

/// §2.3.2: a photo or document the bank holds, as metadata; its bytes are downloaded separately.
public struct DocumentView: Codable, Sendable, Equatable {
    public var id: UUID
    /// `user_photo`, `company_document`, `payment_attachment` or `template_picture`.
    public var kind: String
    /// The owning company (absent for a user's photo).
    public var companyId: UUID?
    public var paymentId: UUID?
    public var templateId: UUID?
    public var uploadedBy: UUID
    /// `image/jpeg`, `image/png` or `application/pdf`, from the file's bytes.
    public var mediaType: String
    /// Bytes stored (after metadata removal).
    public var size: Int
    /// SHA-256 (hex) of the stored bytes; the download's `ETag` and `Repr-Digest` carry the same hash.
    public var sha256: String
    public var uploadedAt: Date
    /// The JPEG segments or PNG chunks removed before storage (names only, e.g. `APP1`, `eXIf`); empty for a PDF.
    public var removedMetadata: [String]

    public init(
        id: UUID,
        kind: String,
        companyId: UUID? = nil,
        paymentId: UUID? = nil,
        templateId: UUID? = nil,
        uploadedBy: UUID,
        mediaType: String,
        size: Int,
        sha256: String,
        uploadedAt: Date,
        removedMetadata: [String]
    ) {
        self.id = id
        self.kind = kind
        self.companyId = companyId
        self.paymentId = paymentId
        self.templateId = templateId
        self.uploadedBy = uploadedBy
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
        self.removedMetadata = removedMetadata
    }
}
