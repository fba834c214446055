import BankAPI
import BankCore
import Crypto
import Foundation
import Vapor

/// How stored files leave the server (§2.3.2, §5.1): as an attachment, never rendered by a browser in the bank's
/// origin (`Content-Disposition: attachment`, `nosniff`, a sandboxing CSP), not cached, with the stored SHA-256 as
/// `ETag` and `Repr-Digest` (RFC 9530) so the client can check what it received.
enum DocumentDownload {
    static func response(_ document: StoredDocument, bytes: Data) throws -> Response {
        let id = try document.requireID()
        let format = DocumentFormat(mediaType: document.mediaType) ?? .pdf
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(id.uuidString.lowercased()).\(format.fileExtension)\""
        )
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .contentSecurityPolicy, value: "sandbox; default-src 'none'")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(document.sha256)\"")
        let digest = Data(SHA256.hash(data: bytes)).base64EncodedString()
        response.headers.replaceOrAdd(name: "Repr-Digest", value: "sha-256=:\(digest):")
        return response
    }
}

extension StoredDocument {
    func view() throws -> DocumentView {
        DocumentView(
            id: try requireID(),
            kind: kind.rawValue,
            companyId: $company.id,
            paymentId: $payment.id,
            templateId: $template.id,
            uploadedBy: $uploader.id,
            mediaType: mediaType,
            size: size,
            sha256: sha256,
            uploadedAt: uploadedAt,
            removedMetadata: removedMetadata.split(separator: ",").map(String.init)
        )
    }
}

extension DocumentView: Content {}

extension Request {
    /// A raw upload: the body as bytes and the declared media type without its parameters.
    var documentUpload: DocumentIntake.Upload {
        let declared = headers.contentType.map { "\($0.type)/\($0.subType)".lowercased() }
        let bytes = body.data.map { Array($0.readableBytesView) } ?? []
        return DocumentIntake.Upload(bytes: bytes, declaredType: declared)
    }
}
