import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.3.2: the company's documents (upload a photo or scan, download, delete) and the person's own photo. The camera
/// and the files are used only with the `camera_media` consent; without it the page links to the privacy centre.
enum DocumentPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("documents") { req in try await page(Web(req)) }
        routes.on(.POST, "documents", body: .collect(maxSize: "12mb")) { req in try await upload(Web(req)) }
        routes.get("documents", "photo") { req in try await photo(Web(req)) }
        routes.on(.POST, "documents", "photo", body: .collect(maxSize: "12mb")) { req in try await uploadPhoto(Web(req)) }
        routes.post("documents", "photo", "delete") { req in try await deletePhoto(Web(req)) }
        routes.get("documents", ":companyId", ":documentId") { req in try await download(Web(req)) }
        routes.post("documents", ":companyId", ":documentId", "delete") { req in try await delete(Web(req)) }
    }

    /// The multipart form's file part.
    struct Upload: Content {
        var file: File
    }

    static let extensions = ["image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"]

    static func page(_ web: Web, notice: String? = nil, error: (any Error)? = nil) async throws -> Response {
        let client = web.client()
        let (_, chosen) = try await ServiceKit.company(web)
        let consented = try await client.hasConsent(.cameraMedia)
        let hasPhoto = (try? await client.download(Endpoints.Documents.getMyPhoto, NoParameters(), body: NoBody())).map { !$0.isEmpty } ?? false
        var documents: [DocumentView] = []
        if let company = chosen { documents = try await client.send(Endpoints.Documents.listCompanyDocuments, company.id).items }
        let rows: [Markup] = documents.map { document in
            let path = "/documents/\(document.companyId?.uuidString ?? chosen?.id.uuidString ?? "")/\(document.id.uuidString)"
            return """
                <li class="card" data-testid="document">
                  <strong>\(web.t("documentKind." + document.kind))</strong> · \(document.mediaType) · \(size(web, document.size))
                  <p class="hint">\(KazakhstanTime.text(document.uploadedAt))\(Markup.when(!document.removedMetadata.isEmpty, " · \(web.t("documents.removed")) \(document.removedMetadata.joined(separator: ", "))"))</p>
                  <a href="\(path)" download>\(web.t("documents.download"))</a>
                  <form method="post" action="\(path)/delete" class="inline">\(Layout.csrfField(web))
                    <button class="link">\(web.t("common.delete"))</button></form>
                </li>
                """
        }
        let query = chosen.map { "?company=\($0.id.uuidString)" } ?? ""
        let consentLink: Markup = """
            <p class="hint">\(web.t("documents.consentNeeded")) <a href="/privacy">\(web.t("documents.grant"))</a></p>
            """
        return web.page(
            web.t("documents.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            \(ServiceKit.notice(notice))
            <section><h2>\(web.t("documents.photo"))</h2>
              \(Markup.when(hasPhoto, """
              <p><img src="/documents/photo" alt="\(web.t("documents.photo"))" width="160"></p>
              <form method="post" action="/documents/photo/delete">\(Layout.csrfField(web))<button class="secondary">\(web.t("documents.deletePhoto"))</button></form>
              """))
              \(Markup.when(!hasPhoto, "<p>\(web.t("documents.noPhoto"))</p>"))
              \(consented ? """
              <form method="post" action="/documents/photo" enctype="multipart/form-data" class="card">\(Layout.csrfField(web))
                <label class="field"><span>\(web.t("documents.photoFile"))</span>
                  <input type="file" name="file" accept="image/jpeg,image/png" capture="user" required></label>
                <button>\(web.t("documents.uploadPhoto"))</button>
              </form>
              """ : consentLink)
            </section>
            \(Markup.when(chosen != nil, """
            <section><h2>\(web.t("documents.company")) · \(chosen?.name ?? "")</h2>
              \(Markup.when(documents.isEmpty, "<p>\(web.t("documents.none"))</p>"))
              <ul class="orders">\(rows)</ul>
              \(consented ? """
              <form method="post" action="/documents\(query)" enctype="multipart/form-data" class="card">\(Layout.csrfField(web))
                <label class="field"><span>\(web.t("documents.file"))</span>
                  <input type="file" name="file" accept="image/jpeg,image/png,application/pdf" capture="environment" required></label>
                <p class="hint">\(web.t("documents.hint"))</p>
                <button>\(web.t("documents.upload"))</button>
              </form>
              """ : consentLink)
            </section>
            """))
            """
        )
    }

    static func size(_ web: Web, _ bytes: Int) -> String {
        bytes < 1024 * 1024
            ? "\(max(1, bytes / 1024)) \(web.t("documents.kb"))" : String(format: "%.1f", Double(bytes) / 1_048_576) + " " + web.t("documents.mb")
    }

    /// The bytes of the file part and its media type (the API checks the bytes themselves).
    static func file(_ web: Web) throws -> (Data, String)? {
        guard let upload = try? web.request.content.decode(Upload.self), upload.file.data.readableBytes > 0 else { return nil }
        var buffer = upload.file.data
        let data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        let type = upload.file.contentType.map { "\($0.type)/\($0.subType)" } ?? "application/octet-stream"
        return (data, type)
    }

    static func upload(_ web: Web) async throws -> Response {
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/documents") }
        guard let (data, type) = try file(web) else { return try await page(web) }
        do {
            _ = try await web.client().uploadDocument(company: company.id, data: data, contentType: type)
            return try await page(web, notice: web.t("documents.uploaded"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await page(web, error: error)
        }
    }

    static func uploadPhoto(_ web: Web) async throws -> Response {
        guard let (data, type) = try file(web) else { return try await page(web) }
        do {
            _ = try await web.client().uploadPhoto(data: data, contentType: type)
            return try await page(web, notice: web.t("documents.photoSaved"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await page(web, error: error)
        }
    }

    static func photo(_ web: Web) async throws -> Response {
        let data: Data
        do {
            data = try await web.client().download(Endpoints.Documents.getMyPhoto, NoParameters(), body: NoBody())
        } catch let error where Layout.errors(of: error) != nil {
            throw Abort(.notFound)  // no photo: an image request gets a 404, not a page
        }
        let type = data.starts(with: [0x89, 0x50, 0x4E, 0x47]) ? "image/png" : "image/jpeg"
        return ServiceKit.file(data, type: type, name: "photo." + (extensions[type] ?? "jpg"), inline: true)
    }

    static func deletePhoto(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Documents.deleteMyPhoto, NoParameters(), body: NoBody())
        return web.redirect("/documents")
    }

    static func download(_ web: Web) async throws -> Response {
        let company = try ServiceKit.id(web, "companyId")
        let document = try ServiceKit.id(web, "documentId")
        let client = web.client()
        let view = try await client.send(Endpoints.Documents.getCompanyDocument, IDPair(company, document))
        let data = try await client.documentContent(company: company, document: document)
        return ServiceKit.file(data, type: view.mediaType, name: "document-\(document.uuidString.prefix(8)).\(extensions[view.mediaType] ?? "bin")")
    }

    static func delete(_ web: Web) async throws -> Response {
        let company = try ServiceKit.id(web, "companyId")
        _ = try await web.client().send(Endpoints.Documents.deleteCompanyDocument, IDPair(company, try ServiceKit.id(web, "documentId")))
        return web.redirect("/documents?company=\(company.uuidString)")
    }
}
