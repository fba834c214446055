import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

@Suite("Documents and photos (§2.3.2): metadata stripped, sealed at rest, company-scoped")
struct DocumentTests {
    @Test(arguments: TestDatabase.all)
    func jpegWithGPS_comesBackWithoutIt_andItsHashMatches(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a director who consented to camera_media, and a phone JPEG with EXIF GPS, XMP, IPTC and a comment
            let company = try await t.paymentCompany()
            try await t.grantCameraConsent(company.director.token)
            let original = SampleFiles.jpeg()
            // when
            let view = try await t.uploadDocument(original, type: "image/jpeg", company: company.id, token: company.director.token)
            // then: the metadata says what went, and the download has none of it
            #expect(view.kind == "company_document" && view.mediaType == "image/jpeg" && view.companyId == company.id)
            #expect(view.removedMetadata == ["APP1", "APP13", "COM", "trailer"])
            let download = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents/\(view.id)/content", token: company.director.token)
            try download.requireStatus(.ok)
            let bytes = download.bytes
            #expect(!bytes.containsText("Exif") && !bytes.containsBytes(SampleFiles.gpsPointerTag))
            #expect(!bytes.containsText(SampleFiles.coordinates))
            #expect(bytes == SampleFiles.jpeg(metadata: false, trailer: false))
            #expect(view.size == bytes.count)
            #expect(view.sha256 == SHA256.hash(data: Data(bytes)).hexString)
            #expect(download.headers.first(name: .eTag) == "\"\(view.sha256)\"")
            #expect(download.headers.first(name: "Repr-Digest") == "sha-256=:\(Data(SHA256.hash(data: Data(bytes))).base64EncodedString()):")
            #expect(download.headers.contentType?.description == "image/jpeg")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            // the metadata endpoint answers the same
            let shown = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents/\(view.id)", token: company.accountant.token)
            #expect(try shown.content.decode(DocumentView.self) == view)
            #expect(try await t.auditEvents().contains("document.uploaded"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func pngWithEXIfAndText_comesBackWithoutThem_withValidCRCs(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            try await t.grantCameraConsent(company.operatorUser.token)
            let view = try await t.uploadDocument(SampleFiles.png(), type: "image/png", company: company.id, token: company.operatorUser.token)
            #expect(view.removedMetadata == ["tEXt", "eXIf", "tIME", "iTXt", "zTXt", "trailer"])
            let bytes = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents/\(view.id)/content", token: company.director.token)
                .requireStatus(.ok).bytes
            #expect(bytes == SampleFiles.png(metadata: false, trailer: false))
            #expect(!bytes.containsText("eXIf") && !bytes.containsText("tEXt") && !bytes.containsText(SampleFiles.coordinates))
            #expect(bytes.starts(with: SampleFiles.pngSignature) && Array(bytes.suffix(12)) == SampleFiles.pngChunk("IEND", []))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFiles_areRefusedWithTheirCode_andNothingIsStored(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.documents.maxBytes = 4096 }) { t in
            // given
            let company = try await t.paymentCompany()
            let token = company.director.token
            try await t.grantCameraConsent(token)
            let path = "/api/v1/companies/\(company.id)/documents"
            var badCRC = SampleFiles.png(metadata: false)
            badCRC[SampleFiles.pngSignature.count + 10] ^= 0x01
            let cases: [(String, [UInt8], String?, Int, String)] = [
                ("wrong magic", Array("GIF89a-not-an-image".utf8), "image/png", 422, "document_type_unsupported"),
                ("HEIC", [0x00, 0x00, 0x00, 0x18] + Array("ftypheic0000".utf8), "image/jpeg", 422, "document_type_unsupported"),
                ("PNG declared as JPEG", SampleFiles.png(), "image/jpeg", 422, "document_type_mismatch"),
                ("JPEG declared as PDF", SampleFiles.jpeg(), "application/pdf", 422, "document_type_mismatch"),
                ("truncated JPEG", Array(SampleFiles.jpeg(trailer: false).dropLast(5)), "image/jpeg", 422, "document_malformed"),
                ("PNG with a bad CRC", badCRC, "image/png", 422, "document_malformed"),
                ("PNG without IEND", Array(SampleFiles.png(trailer: false).dropLast(12)), "image/png", 422, "document_malformed"),
                ("truncated PDF", Array(SampleFiles.pdf().dropLast(7)), "application/pdf", 422, "document_malformed"),
                (
                    "PDF with JavaScript", SampleFiles.pdf("1 0 obj << /S /JavaScript /JS (x) >> endobj"), "application/pdf", 422,
                    "document_active_content"
                ),
                ("empty", [], "image/jpeg", 422, "document_empty"),
                ("oversized", SampleFiles.jpeg() + [UInt8](repeating: 0x20, count: 4096), "image/jpeg", 413, "payload_too_large"),
                ("no type", SampleFiles.jpeg(), nil, 415, "unsupported_media_type"),
                ("another type", SampleFiles.jpeg(), "image/gif", 415, "unsupported_media_type"),
            ]
            for (name, bytes, type, status, code) in cases {
                // when
                let response = try await t.upload(.POST, path, bytes, type: type, token: token)
                // then
                #expect(Int(response.status.code) == status, "\(name)")
                #expect(try t.problem(response).code == code, "\(name)")
            }
            #expect(try await t.storedDocumentCounts() == (0, 0))
            #expect(try await !t.auditEvents().contains("document.uploaded"))
            // a good file within the limit is accepted
            let fits = try await t.upload(.POST, path, SampleFiles.pdf(), type: "application/pdf", token: token)
            #expect(fits.status == .created)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withoutTheCameraConsent_uploadsAreRefused_andNothingIsStored(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let token = company.director.token
            let path = "/api/v1/companies/\(company.id)/documents"
            // no consent yet
            let refused = try await t.upload(.POST, path, SampleFiles.jpeg(), type: "image/jpeg", token: token)
            #expect(refused.status == .forbidden)
            let problem = try t.problem(refused)
            #expect(problem.code == "consent_required" && problem.purpose == "camera_media")
            let photo = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: token)
            #expect(try t.problem(photo).code == "consent_required")
            // granted: accepted; withdrawn: refused again at once
            try await t.grantCameraConsent(token)
            _ = try await t.uploadDocument(SampleFiles.jpeg(), type: "image/jpeg", company: company.id, token: token)
            try await t.send(.DELETE, "/api/v1/me/consents/camera_media", token: token).requireStatus(.ok)
            let again = try await t.upload(.POST, path, SampleFiles.png(), type: "image/png", token: token)
            #expect(try t.problem(again).code == "consent_required")
            #expect(try await t.storedDocumentCounts() == (1, 1))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherCompanysDocument_isNotFound_onGetContentAndDelete(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: company A's document, and company B's director who knows its id
            let a = try await t.paymentCompany()
            let b = try await t.paymentCompany()
            try await t.grantCameraConsent(a.director.token)
            try await t.grantCameraConsent(b.director.token)
            let document = try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: a.id, token: a.director.token)
            // when / then: through A's path (not a member) and through B's own path, everything is 404
            for companyID in [a.id, b.id] {
                let base = "/api/v1/companies/\(companyID)/documents/\(document.id)"
                for (method, path) in [(HTTPMethod.GET, base), (.GET, base + "/content"), (.DELETE, base)] {
                    let response = try await t.send(method, path, token: b.director.token)
                    #expect(response.status == .notFound, "\(method) \(path)")
                    #expect(try t.problem(response).code == "not_found")
                }
            }
            let list = try await t.send(.GET, "/api/v1/companies/\(a.id)/documents", token: b.director.token)
            #expect(list.status == .notFound)
            let bList = try await t.send(.GET, "/api/v1/companies/\(b.id)/documents", token: b.director.token).content.decode(
                ListPage<DocumentView>.self
            )
            #expect(bList.items.isEmpty)
            let upload = try await t.upload(
                .POST,
                "/api/v1/companies/\(a.id)/documents",
                SampleFiles.pdf(),
                type: "application/pdf",
                token: b.director.token
            )
            #expect(upload.status == .notFound)
            // A's document is untouched
            try await t.send(.GET, "/api/v1/companies/\(a.id)/documents/\(document.id)/content", token: a.accountant.token).requireStatus(.ok)
            #expect(try await t.storedDocumentCounts() == (1, 1))
        }
    }

    @Test(arguments: TestDatabase.all)
    func attachingToAPaymentOrTemplate_needsOneOfTheSameCompany(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let a = try await t.paymentCompany()
            let b = try await t.paymentCompany()
            try await t.grantCameraConsent(a.director.token)
            let payment = try await t.send(
                .POST,
                "/api/v1/companies/\(a.id)/payments",
                json: t.order(from: a.main, to: a.second, amount: "10"),
                token: a.director.token
            ).content.decode(PaymentOrderView.self)
            let template = try #require(
                try await t.send(
                    .POST,
                    "/api/v1/payments/\(payment.id)/template",
                    json: SaveFromPaymentRequest(name: "Rent"),
                    token: a.director.token
                )
                .content.decode(TemplateView.self).id
            )
            let bPayment = try await t.send(
                .POST,
                "/api/v1/companies/\(b.id)/payments",
                json: t.order(from: b.main, to: b.second, amount: "10"),
                token: b.director.token
            ).content.decode(PaymentOrderView.self)
            // attached to A's payment and to A's template (the picture the template was made from)
            let invoice = try await t.uploadDocument(
                SampleFiles.pdf(),
                type: "application/pdf",
                company: a.id,
                token: a.director.token,
                query: "?paymentId=\(payment.id)"
            )
            #expect(invoice.kind == "payment_attachment" && invoice.paymentId == payment.id)
            let picture = try await t.uploadDocument(
                SampleFiles.jpeg(),
                type: "image/jpeg",
                company: a.id,
                token: a.director.token,
                query: "?templateId=\(template)"
            )
            #expect(picture.kind == "template_picture" && picture.templateId == template)
            // another company's payment, an unknown template: 404; both at once or a malformed id: per-field errors
            let path = "/api/v1/companies/\(a.id)/documents"
            let foreign = try await t.upload(
                .POST,
                path + "?paymentId=\(bPayment.id)",
                SampleFiles.pdf(),
                type: "application/pdf",
                token: a.director.token
            )
            #expect(foreign.status == .notFound)
            let unknown = try await t.upload(
                .POST,
                path + "?templateId=\(UUID())",
                SampleFiles.pdf(),
                type: "application/pdf",
                token: a.director.token
            )
            #expect(unknown.status == .notFound)
            let both = try await t.upload(
                .POST,
                path + "?paymentId=\(payment.id)&templateId=\(template)",
                SampleFiles.pdf(),
                type: "application/pdf",
                token: a.director.token
            )
            #expect(try t.problem(both).errors?.map(\.code) == ["one_target_only"])
            let malformed = try await t.upload(.POST, path + "?paymentId=nope", SampleFiles.pdf(), type: "application/pdf", token: a.director.token)
            #expect(try t.problem(malformed).errors?.map(\.field) == ["paymentId"])
            #expect(try await t.storedDocumentCounts() == (2, 2))
            // the list filters by what a document is attached to
            let attached = try await t.send(.GET, path + "?paymentId=\(payment.id)", token: a.accountant.token).content.decode(
                ListPage<DocumentView>.self
            )
            #expect(attached.items.map(\.id) == [invoice.id])
            // deleting the template leaves its picture on the company's profile
            try await t.send(.DELETE, "/api/v1/templates/\(template)", token: a.director.token).requireStatus(.noContent)
            let kept = try await t.send(.GET, path + "/\(picture.id)", token: a.director.token).content.decode(DocumentView.self)
            #expect(kept.templateId == nil)
        }
    }
}
