import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Disclosure register (§3.3.1–§3.3.3, Law 94-V)")
struct DisclosureRegisterTests {
    private func consentDisclosure(_ userID: UUID, bin: String) -> RecordDisclosureRequest {
        RecordDisclosureRequest(
            userId: userID,
            recipientName: "First Credit Bureau",
            recipientBin: bin,
            dataCategories: ["full_name", "iin"],
            basis: "consent"
        )
    }

    @Test(arguments: TestDatabase.all)
    func consentBasis_needsALiveConsentForThatRecipient(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let grant = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)
            let bureau = Fixtures.bin().value
            let request = consentDisclosure(grant.user.id, bin: bureau)

            // when: no consent yet
            let refused = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff)
            // then
            #expect(refused.status == .forbidden)
            #expect(try t.problem(refused).code == "consent_required")
            #expect(try t.problem(refused).purpose == "third_party_disclosure")
            #expect(try await Disclosure.query(on: t.db).count() == 0)

            // when: the user consents to that recipient
            let consent = GrantConsentRequest(purpose: "third_party_disclosure", recipientName: "First Credit Bureau", recipientBin: bureau)
            let granted = try await t.send(.POST, "/api/v1/me/consents", json: consent, token: grant.token).requireStatus(.created)
            let accepted = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff)
            // then
            #expect(accepted.status == .created)
            let record = try accepted.content.decode(DisclosureRecord.self)
            #expect(record.basis == "consent")
            #expect(record.clause == "§3.3.1")
            let consentID = try granted.content.decode(ConsentView.self).id
            #expect(record.consentId == consentID)
            #expect(record.staffRole == "privacy_officer")
            #expect(try await t.auditEvents().contains("disclosure.recorded"))

            // when: the consent is withdrawn
            try await t.send(.DELETE, "/api/v1/me/consents/third_party_disclosure?recipientBin=\(bureau)", token: grant.token).requireStatus(.ok)
            let afterWithdrawal = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff)
            // then
            #expect(try t.problem(afterWithdrawal).code == "consent_required")
            #expect(try await Disclosure.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badDisclosures_getFieldErrors_andStoreNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let grant = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)

            // when: §3.3.2 without the law it relies on
            let noLaw = RecordDisclosureRequest(
                userId: grant.user.id,
                recipientName: "State Revenue Committee",
                dataCategories: ["iin"],
                basis: "law"
            )
            let lawResponse = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: noLaw, token: staff)
            // then
            #expect(lawResponse.status == .unprocessableEntity)
            #expect(try t.problem(lawResponse).errors?.map(\.field) == ["legalReference"])
            #expect(try t.problem(lawResponse).errors?.first?.code == "required")

            // when: §3.3.3 without a case, an unknown category, an unknown user, a bad basis
            let noCase = RecordDisclosureRequest(
                userId: grant.user.id,
                recipientName: "Court",
                dataCategories: ["iin"],
                basis: "protection_of_rights"
            )
            #expect(
                try t.problem(try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: noCase, token: staff)).errors?.first?.field
                    == "caseReference"
            )
            var several = noLaw
            several.userId = UUID()
            several.dataCategories = ["iin", "shoe_size"]
            several.basis = "curiosity"
            let severalResponse = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: several, token: staff)
            // then: every bad field at once, localised
            let fields = try t.problem(severalResponse).errors ?? []
            #expect(Set(fields.map(\.field)) == ["userId", "dataCategories[1]", "basis"])
            #expect(fields.allSatisfy { !$0.message.hasPrefix("field.") })
            #expect(try await Disclosure.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func subject_seesTheirDisclosures_withTheRoleButNotTheStaffName_andOthersDoNot(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let subject = try await t.registerActive()
            let other = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer, username: "dpo-aigerim")
            let staffMember = try #require(try await StaffMember.query(on: t.db).filter(\.$username == "dpo-aigerim").first())
            let request = RecordDisclosureRequest(
                userId: subject.user.id,
                recipientName: "Financial Monitoring Agency",
                dataCategories: ["full_name", "iin", "operations"],
                basis: "law",
                legalReference: "Law No. 191-IV on AML/CFT, art. 10"
            )
            try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff).requireStatus(.created)

            // when
            let mine = try await t.send(.GET, "/api/v1/me/privacy/disclosures", token: subject.token, language: "en")
            let theirs = try await t.send(.GET, "/api/v1/me/privacy/disclosures", token: other.token)

            // then
            // the recorded entry, after the standing flows every person has (CrossBorderTests)
            let page = try mine.content.decode(ListPage<DisclosureView>.self)
            let recorded = page.items.filter { !$0.standing }
            #expect(recorded.count == 1)
            #expect(page.nextCursor == nil)
            let item = try #require(recorded.first)
            #expect(item.recipientName == "Financial Monitoring Agency")
            #expect(item.basis == "law" && item.clause == "§3.3.2")
            #expect(item.reference == "Law No. 191-IV on AML/CFT, art. 10")
            #expect(item.dataCategories.map(\.name) == ["Full name", "IIN", "Payments and account operations"])
            #expect(item.staffRole == "privacy_officer")
            #expect(!mine.body.string.contains(staffMember.displayName))
            #expect(!mine.body.string.contains(try staffMember.requireID().uuidString))
            #expect(try theirs.content.decode(ListPage<DisclosureView>.self).items.allSatisfy(\.standing))
            // the export carries it too (Law 94-V art. 24)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: subject.token, language: "en")
            #expect(try export.content.decode(PersonalDataExport.self).disclosures.filter { !$0.standing } == [item])
            let page2 = try await t.send(.GET, "/api/v1/me/privacy/export?format=html", token: subject.token, language: "en")
            #expect(page2.body.string.contains("Disclosures to third parties"))
            #expect(page2.body.string.contains("Financial Monitoring Agency"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func staffList_isNewestFirst_inPages(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: three disclosures in the same second, and one of another user
            let subject = try await t.registerActive()
            let other = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)
            for (user, name) in [(subject, "A"), (subject, "B"), (other, "X"), (subject, "C")] {
                let request = RecordDisclosureRequest(
                    userId: user.user.id,
                    recipientName: name,
                    dataCategories: ["iin"],
                    basis: "law",
                    legalReference: "Code on Taxes, art. 24"
                )
                try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff).requireStatus(.created)
            }

            // when
            let path = "/api/v1/staff/privacy/disclosures?userId=\(subject.user.id)&limit=2"
            let first = try await t.send(.GET, path, token: staff).content.decode(ListPage<DisclosureRecord>.self)
            let cursor = try #require(first.nextCursor)
            let second = try await t.send(.GET, path + "&cursor=\(cursor)", token: staff).content.decode(ListPage<DisclosureRecord>.self)

            // then: every disclosure of the subject exactly once, nobody else's
            #expect(first.items.count == 2)
            #expect(second.items.count == 1 && second.nextCursor == nil)
            #expect(Set((first.items + second.items).map(\.recipientName)) == ["A", "B", "C"])
            let badCursor = try await t.send(.GET, path + "&cursor=nope", token: staff)
            #expect(try t.problem(badCursor).errors?.first?.field == "cursor")
            let service = DisclosureRegister(services: t.services)
            #expect(try await service.disclosures(of: subject.user.id, on: t.db).count == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func supportStaff_andClients_cannotUseTheStaffRegister(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let grant = try await t.registerActive()
            let support = try await t.staffToken(.support)
            let request = RecordDisclosureRequest(
                userId: grant.user.id,
                recipientName: "Court",
                dataCategories: ["iin"],
                basis: "law",
                legalReference: "x"
            )

            // when
            let post = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: support)
            let list = try await t.send(.GET, "/api/v1/staff/privacy/disclosures", token: support)
            let asClient = try await t.send(.GET, "/api/v1/staff/privacy/disclosures", token: grant.token)

            // then
            #expect(post.status == .forbidden)
            #expect(try t.problem(post).code == "forbidden")
            #expect(list.status == .forbidden)
            #expect(asClient.status == .unauthorized)
            #expect(try await Disclosure.query(on: t.db).count() == 0)
        }
    }
}
