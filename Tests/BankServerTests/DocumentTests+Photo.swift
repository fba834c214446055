import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

extension DocumentTests {
    @Test(arguments: TestDatabase.all)
    func photo_isTheUsersOwn_replacedByPut_andGoneAfterDelete(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let me = try await t.registerActive()
            let someoneElse = try await t.registerActive()
            try await t.grantCameraConsent(me.token)
            // when: the first photo, then a replacement
            let first = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: me.token)
            #expect(first.status == .created)
            let firstView = try first.content.decode(DocumentView.self)
            #expect(firstView.kind == "user_photo" && firstView.companyId == nil && firstView.uploadedBy == me.user.id)
            let second = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.png(), type: "image/png", token: me.token)
            #expect(second.status == .ok)
            // then: one photo, the new one, without its metadata; nobody else sees it
            #expect(try await t.storedDocumentCounts() == (1, 1))
            let shown = try await t.send(.GET, "/api/v1/me/photo", token: me.token).requireStatus(.ok)
            #expect(shown.bytes == SampleFiles.png(metadata: false, trailer: false))
            #expect(shown.headers.contentType?.description == "image/png")
            #expect(try await t.send(.GET, "/api/v1/me/photo", token: someoneElse.token).status == .notFound)
            #expect(try await t.send(.DELETE, "/api/v1/me/photo", token: someoneElse.token).status == .notFound)
            // a PDF is no photo
            let pdf = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.pdf(), type: "application/pdf", token: me.token)
            #expect(try t.problem(pdf).code == "unsupported_media_type")
            // deleted
            try await t.send(.DELETE, "/api/v1/me/photo", token: me.token).requireStatus(.noContent)
            #expect(try await t.send(.GET, "/api/v1/me/photo", token: me.token).status == .notFound)
            #expect(try await t.storedDocumentCounts() == (0, 0))
            let events = try await t.auditEvents()
            #expect(events.filter { $0 == "photo.uploaded" }.count == 2 && events.filter { $0 == "photo.deleted" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func storedBytes_areSealed_notThePlaintext_andAHashMismatchIsNeverServed(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a company document and a photo
            let company = try await t.paymentCompany()
            try await t.grantCameraConsent(company.director.token)
            let document = try await t.uploadDocument(SampleFiles.jpeg(), type: "image/jpeg", company: company.id, token: company.director.token)
            try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.png(), type: "image/png", token: company.director.token).requireStatus(.created)
            // when: the database is read raw
            let rows = try await t.sql.raw("SELECT sealed FROM document_contents").all()
            let sealed = try rows.map { Array(try $0.decode(column: "sealed", as: Data.self)) }
            // then: neither the stripped pictures nor any recognisable part of them is there
            #expect(sealed.count == 2)
            for bytes in sealed {
                #expect(bytes != SampleFiles.jpeg(metadata: false, trailer: false) && bytes != SampleFiles.png(metadata: false, trailer: false))
                #expect(!bytes.containsBytes(SampleFiles.scanData) && !bytes.containsText("JFIF") && !bytes.containsText("IHDR"))
                #expect(!bytes.containsText("ICC_PROFILE") && !bytes.containsText("sRGB"))
            }
            // sealed bytes copied into another document's row do not open: the sealing is bound to the document id
            let content = try #require(try await DocumentContent.find(document.id, on: t.db))
            let cipher = t.services.cipher
            #expect(throws: (any Error).self) {
                try cipher.open(
                    content.sealed,
                    with: cipher.keys.systemData,
                    context: .init(table: "document_contents", column: "sealed", row: UUID())
                )
            }
            let photo = try #require(try await StoredDocument.query(on: t.db).filter(\.$kind == .userPhoto).first())
            let photoContent = try #require(try await DocumentContent.find(try photo.requireID(), on: t.db))
            // the photo is sealed under its owner's own key, not the system key
            #expect(throws: (any Error).self) {
                try cipher.open(
                    photoContent.sealed,
                    with: cipher.keys.systemData,
                    context: .init(table: "document_contents", column: "sealed", row: try photo.requireID())
                )
            }
            // a metadata hash that no longer matches the bytes: the download is refused, not served
            try await StoredDocument.query(on: t.db).filter(\.$id == document.id).set(\.$sha256, to: String(repeating: "0", count: 64)).update()
            let tampered = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents/\(document.id)/content", token: company.director.token)
            #expect(tampered.status == .internalServerError)
            #expect(try t.problem(tampered).code == "document_integrity_failed")
            #expect(
                try await DocumentVault(services: t.services).bytes(of: photo, on: t.db) == Data(SampleFiles.png(metadata: false, trailer: false))
            )
        }
    }
}
