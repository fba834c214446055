import BankAPI
import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting

@testable import BankServer

extension TestHarness {
    /// Sends a file as the raw request body with `type` as its Content-Type, the way the app uploads (§2.3.2).
    func upload(
        _ method: HTTPMethod = .POST,
        _ path: String,
        _ bytes: [UInt8],
        type: String?,
        token: String,
        headers extra: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .xForwardedFor, value: "10.0.0.1")
        headers.bearerAuthorization = .init(token: token)
        if let type { headers.replaceOrAdd(name: .contentType, value: type) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        return try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// Uploads to the company's documents and expects it stored.
    func uploadDocument(
        _ bytes: [UInt8],
        type: String,
        company: UUID,
        token: String,
        query: String = ""
    ) async throws -> DocumentView {
        try await upload(.POST, "/api/v1/companies/\(company)/documents\(query)", bytes, type: type, token: token)
            .requireStatus(.created).content.decode(DocumentView.self)
    }

    /// §2.3.2 uploads need the `camera_media` consent.
    func grantCameraConsent(_ token: String) async throws {
        try await send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "camera_media"), token: token).requireStatus(.created)
    }

    /// How many photos and documents, and sealed contents, are stored.
    func storedDocumentCounts() async throws -> (documents: Int, contents: Int) {
        (try await StoredDocument.query(on: db).count(), try await DocumentContent.query(on: db).count())
    }
}

extension TestingHTTPResponse {
    var bytes: [UInt8] { Array(body.readableBytesView) }
}
