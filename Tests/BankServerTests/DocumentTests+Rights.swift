import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

extension DocumentTests {
    @Test(arguments: TestDatabase.all)
    func list_isKeysetPaginated_newestFirst_evenWithinOneMillisecond(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: five documents, three of them in the same millisecond
            let company = try await t.paymentCompany()
            try await t.grantCameraConsent(company.director.token)
            var uploaded: [UUID] = []
            for index in 0..<5 {
                if index < 3 { t.clock.advance(seconds: 1) }
                uploaded.append(
                    try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: company.id, token: company.director.token).id
                )
            }
            // when: pages of two
            var seen: [DocumentView] = []
            var cursor: String?
            repeat {
                let query = "?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents\(query)", token: company.operatorUser.token)
                    .requireStatus(.ok).content.decode(ListPage<DocumentView>.self)
                #expect(page.items.count <= 2)
                seen += page.items
                cursor = page.nextCursor
            } while cursor != nil
            // then: each exactly once, newest first
            #expect(Set(seen.map(\.id)) == Set(uploaded) && seen.count == 5)
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.uploadedAt >= $1.uploadedAt })
            #expect(seen.first?.uploadedAt == t.clock.now())
            let bad = try await t.send(.GET, "/api/v1/companies/\(company.id)/documents?cursor=x&limit=0", token: company.director.token)
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["cursor", "limit"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func viewers_readButCannotUploadOrDelete(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let viewer = try await t.registerActive()
            try await Membership(userID: viewer.user.id, companyID: company.id, role: .viewer).create(on: t.db)
            try await t.grantCameraConsent(viewer.token)
            try await t.grantCameraConsent(company.director.token)
            let document = try await t.uploadDocument(SampleFiles.png(), type: "image/png", company: company.id, token: company.director.token)
            let path = "/api/v1/companies/\(company.id)/documents"
            #expect(try await t.upload(.POST, path, SampleFiles.png(), type: "image/png", token: viewer.token).status == .forbidden)
            #expect(try await t.send(.DELETE, path + "/\(document.id)", token: viewer.token).status == .forbidden)
            try await t.send(.GET, path + "/\(document.id)/content", token: viewer.token).requireStatus(.ok)
            // a writer deletes it: bytes and metadata go together, audited
            try await t.send(.DELETE, path + "/\(document.id)", token: company.accountant.token).requireStatus(.noContent)
            #expect(try await t.storedDocumentCounts() == (0, 0))
            #expect(try await t.send(.GET, path + "/\(document.id)", token: company.director.token).status == .notFound)
            #expect(try await t.auditEvents().contains("document.deleted"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func uploads_areRateLimitedPerUser(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.documents.uploadsPerHour = 3 }) { t in
            // given: a director of their own company, and someone else
            let registration = Fixtures.registration()
            let me = try await t.registerActive(registration)
            let other = try await t.registerActive()
            try await t.grantCameraConsent(me.token)
            try await t.grantCameraConsent(other.token)
            let mine = me.user.companies[0].id
            // when: three uploads (documents and the photo count together), then a fourth
            for _ in 0..<2 { _ = try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: mine, token: me.token) }
            try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: me.token).requireStatus(.created)
            let limited = try await t.upload(
                .POST,
                "/api/v1/companies/\(mine)/documents",
                SampleFiles.pdf(),
                type: "application/pdf",
                token: me.token
            )
            // then
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            #expect(try await t.storedDocumentCounts() == (3, 3))
            // another user has their own allowance, and mine comes back after the hour
            _ = try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: other.user.companies[0].id, token: other.token)
            t.clock.advance(seconds: 3600)
            let again = try await t.signIn(registration)
            _ = try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: mine, token: again.token)
        }
    }

    @Test(arguments: TestDatabase.all)
    func export_listsThePhotoAndDocumentsAsMetadata_andDestructionRemovesThePhotoButNotTheCompanysDocuments(
        _ database: TestDatabase
    ) async throws {
        try await withApp(database) { t in
            // given: a person with a photo and a document in their company, and a colleague's document
            let company = try await t.paymentCompany()
            let subject = try await t.registerActive()
            try await Membership(userID: subject.user.id, companyID: company.id, role: .operator).create(on: t.db)
            try await t.grantCameraConsent(subject.token)
            try await t.grantCameraConsent(company.director.token)
            let photo = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: subject.token)
                .requireStatus(.created).content.decode(DocumentView.self)
            let document = try await t.uploadDocument(SampleFiles.pdf(), type: "application/pdf", company: company.id, token: subject.token)
            let colleagues = try await t.uploadDocument(SampleFiles.png(), type: "image/png", company: company.id, token: company.director.token)
            // when: the export
            let response = try await t.send(.GET, "/api/v1/me/privacy/export", token: subject.token).requireStatus(.ok)
            let export = try response.content.decode(PersonalDataExport.self)
            // then: metadata (id, size, hash, time), never the bytes
            #expect(export.photo?.id == photo.id && export.photo?.size == photo.size && export.photo?.sha256 == photo.sha256)
            #expect(export.photo?.uploadedAt == photo.uploadedAt)
            #expect(export.documents.map(\.id) == [document.id])
            #expect(!response.bytes.containsText("JFIF") && !response.bytes.containsText("%PDF"))
            let page = try await t.send(.GET, "/api/v1/me/privacy/export?format=html", token: subject.token, language: "en")
            #expect(page.body.string.contains("Uploaded documents") && page.body.string.contains(photo.sha256))
            // when: the person is destroyed
            let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: subject.token)
                .content.decode(PrivacyRequestView.self)
            try await t.runCommand(PrivacyCommands(), ["requests", "--complete", request.id.uuidString])
            // then: their photo is gone, bytes included; the company's documents stay, theirs and the colleague's
            #expect(Set(try await StoredDocument.query(on: t.db).all().map(\.id)) == [document.id, colleagues.id])
            #expect(Set(try await DocumentContent.query(on: t.db).all().map(\.id)) == [document.id, colleagues.id])
            // and the company still reads the one they uploaded, whole; its uploader is a user row that names no one
            let path = "/api/v1/companies/\(company.id)/documents/\(document.id)"
            let content = try await t.send(.GET, path + "/content", token: company.director.token).requireStatus(.ok)
            #expect(content.bytes.containsText("%PDF"))
            let view = try await t.send(.GET, path, token: company.director.token).requireStatus(.ok).content.decode(DocumentView.self)
            #expect(view.uploadedBy == subject.user.id)
            #expect(try await User.find(subject.user.id, on: t.db)?.status == .destroyed)
        }
    }

    @Test
    func everyDocumentCode_isLocalisedInKazakhRussianAndEnglish() throws {
        let localizer = try Localizer.bundled()
        let codes = [
            "problem.document_empty", "problem.document_type_unsupported", "problem.document_type_mismatch", "problem.document_malformed",
            "problem.document_active_content", "problem.document_integrity_failed", "field.one_target_only",
        ]
        for key in codes {
            let texts = Language.allCases.map { localizer.text(key, $0) }
            #expect(texts.allSatisfy { $0 != key && !$0.isEmpty }, "\(key) is not localised")
            #expect(Set(texts).count == 3, "\(key) is not translated into every language")
        }
    }
}
