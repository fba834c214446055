import BankAPI
import Vapor

/// §2.3.2 camera and media: the user's photo (`/me/photo`) and a company's documents (`/companies/{id}/documents`).
///
/// Uploads are the raw file as the request body with its `Content-Type` (`image/jpeg`, `image/png`,
/// `application/pdf`), not multipart or JSON with base64: the body is the file, byte for byte, with no 33 % base64
/// inflation and no multipart parser in front of the checks; no file name is sent or kept (names like
/// "passport_scan_Ospanova.jpg" are personal data). What a document is attached to travels in the query
/// (`paymentId` or `templateId`). The routes collect at most the configured size, so a larger body is refused
/// before it is read whole.
enum DocumentsController {

    // MARK: - The user's photo

    static func putPhoto(req: Request) async throws -> Reply<DocumentView> {
        let (photo, created) = try await PhotoService(services: req.bank).put(req.documentUpload, caller: try req.caller, on: req.db)
        return Reply(try photo.view(), status: created ? .created : .ok)
    }

    static func photo(req: Request) async throws -> Response {
        guard let photo = try await PhotoService(services: req.bank).photo(of: try req.caller.userID, on: req.db) else { throw BankError.notFound }
        return try DocumentDownload.response(photo, bytes: try await DocumentVault(services: req.bank).bytes(of: photo, on: req.db))
    }

    static func deletePhoto(req: Request) async throws -> HTTPStatus {
        try await PhotoService(services: req.bank).delete(caller: try req.caller, on: req.db)
        return .noContent
    }

    // MARK: - A company's documents

    static func upload(req: Request) async throws -> Reply<DocumentView> {
        let companyID = try req.parameter(.companyId)
        var validator = FieldValidator()
        let target = CompanyDocumentService.Target(
            paymentID: Self.uuidQuery(req, "paymentId", &validator),
            templateID: Self.uuidQuery(req, "templateId", &validator)
        )
        try validator.throwIfInvalid()
        let document = try await CompanyDocumentService(services: req.bank).upload(
            req.documentUpload,
            membership: try req.membership,
            target: target,
            caller: try req.caller,
            on: req.db
        )
        let location = Endpoints.Documents.getCompanyDocument.path(IDPair(companyID, try document.requireID()))
        return .created(try document.view()).with(.location, location)
    }

    static func list(req: Request) async throws -> ListPage<DocumentView> {
        var validator = FieldValidator()
        var page = CompanyDocumentService.Page()
        page.paymentID = Self.uuidQuery(req, "paymentId", &validator)
        page.templateID = Self.uuidQuery(req, "templateId", &validator)
        if let cursor = req.query[String.self, at: "cursor"] {
            page.cursor = CompanyDocumentService.Cursor(cursor)
            if page.cursor == nil { validator.add("cursor", .invalidValue) }
        }
        if let limit = req.query[String.self, at: "limit"] {
            if let value = Int(limit), (1...100).contains(value) { page.limit = value } else { validator.add("limit", .invalidValue) }
        }
        try validator.throwIfInvalid()
        let (documents, next) = try await CompanyDocumentService(services: req.bank).list(
            membership: try req.membership,
            page: page,
            on: req.db
        )
        return ListPage(items: try documents.map { try $0.view() }, nextCursor: next?.text)
    }

    static func show(req: Request) async throws -> DocumentView {
        try await document(req).view()
    }

    static func content(req: Request) async throws -> Response {
        let document = try await document(req)
        return try DocumentDownload.response(document, bytes: try await DocumentVault(services: req.bank).bytes(of: document, on: req.db))
    }

    static func delete(req: Request) async throws -> HTTPStatus {
        try await CompanyDocumentService(services: req.bank).delete(
            try req.parameter(.documentId),
            membership: try req.membership,
            caller: try req.caller,
            on: req.db
        )
        return .noContent
    }

    private static func document(_ req: Request) async throws -> StoredDocument {
        try await CompanyDocumentService(services: req.bank).document(
            try req.parameter(.documentId),
            membership: try req.membership,
            on: req.db
        )
    }

    /// An optional UUID query parameter; a malformed one is reported against its name.
    private static func uuidQuery(_ req: Request, _ name: String, _ validator: inout FieldValidator) -> UUID? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        guard let id = UUID(uuidString: raw) else {
            validator.add(name, .invalidValue)
            return nil
        }
        return id
    }
}
