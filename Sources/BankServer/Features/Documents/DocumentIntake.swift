import BankCore
import Crypto
import Fluent
import Foundation

/// What every §2.3.2 upload passes before anything is stored, in this order: the per-user upload limit, the
/// `camera_media` consent, the declared type, the size, and the bytes themselves (format by magic bytes, structure,
/// metadata removal). Any refusal stores nothing.
struct DocumentIntake: Sendable {
    let services: BankServices

    /// A raw upload: the request body and its `Content-Type`.
    struct Upload: Sendable {
        let bytes: [UInt8]
        /// `type/subtype` without parameters, lower-cased; nil when the request named none.
        let declaredType: String?
    }

    /// The accepted file, ready for `DocumentVault.store`.
    struct Accepted: Sendable {
        let format: DocumentFormat
        let bytes: [UInt8]
        let sha256: String
        let removedMetadata: [String]
    }

    /// Counts the upload against the caller's hourly limit and requires a live `camera_media` consent.
    func admit(userID: UUID, on database: any Database) async throws {
        let rule = RateLimiter.Rule(name: "document-upload-user", limit: services.config.documents.uploadsPerHour, windowSeconds: 3600)
        try await services.rateLimiter.hit(rule, key: userID.uuidString, on: database)
        try await ConsentService(services: services).require(.cameraMedia, userID: userID, on: database)
    }

    /// Checks the upload against `allowed` formats and the size limit, then parses and strips it.
    func accept(_ upload: Upload, allowed: Set<DocumentFormat>) throws -> Accepted {
        guard let declared = upload.declaredType.flatMap(DocumentFormat.init(mediaType:)), allowed.contains(declared) else {
            throw BankError(status: .unsupportedMediaType, code: .unsupportedMediaType)
        }
        guard upload.bytes.count <= services.config.documents.maxBytes else { throw BankError.payloadTooLarge }
        do {
            let sanitized = try DocumentSanitizer.sanitize(upload.bytes, declared: declared)
            return Accepted(
                format: sanitized.format,
                bytes: sanitized.bytes,
                sha256: SHA256.hash(data: sanitized.bytes).hexString,
                removedMetadata: sanitized.removedMetadata
            )
        } catch let error as DocumentContentError {
            throw BankError(status: .unprocessableEntity, code: ProblemCode(rawValue: error.code) ?? .documentMalformed)
        }
    }

    /// A new metadata row for an accepted file; the caller sets what it belongs to.
    func newDocument(_ accepted: Accepted, kind: StoredDocument.Kind, uploader: UUID) -> StoredDocument {
        let document = StoredDocument()
        document.id = UUID()
        document.uploadedAtMilliseconds = Int64((services.clock.now().timeIntervalSince1970 * 1000).rounded(.down))
        document.kind = kind
        document.$uploader.id = uploader
        document.mediaType = accepted.format.mediaType
        document.size = accepted.bytes.count
        document.sha256 = accepted.sha256
        document.removedMetadata = accepted.removedMetadata.joined(separator: ",")
        return document
    }
}

extension BankError {
    static let payloadTooLarge = BankError(status: .payloadTooLarge, code: .payloadTooLarge)
}
