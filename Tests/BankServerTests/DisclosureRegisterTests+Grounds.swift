import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

/// §3.3.1 and §3.3.3: a disclosure stands on a consent given before the data went out, or on a case reference.
@Suite("Disclosure register: the grounds of §3.3")
struct DisclosureGroundsTests {
    @Test(arguments: TestDatabase.all)
    func aConsentDisclosure_cannotBeBackdated_beforeTheConsentWasGiven(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)
            let bureau = Fixtures.bin().value
            let consent = GrantConsentRequest(purpose: "third_party_disclosure", recipientName: "First Credit Bureau", recipientBin: bureau)
            try await t.send(.POST, "/api/v1/me/consents", json: consent, token: grant.token).requireStatus(.created)
            var request = RecordDisclosureRequest(
                userId: grant.user.id,
                recipientName: "First Credit Bureau",
                recipientBin: bureau,
                dataCategories: ["full_name"],
                basis: "consent"
            )

            // when: the data is said to have gone out half an hour before the consent
            request.disclosedAt = t.clock.now().addingTimeInterval(-1_800)
            let backdated = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff)
            // then
            #expect(try t.problem(backdated).code == "consent_required")
            #expect(try await Disclosure.query(on: t.db).count() == 0)

            // when: after the consent
            request.disclosedAt = nil
            try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff).requireStatus(.created)
            #expect(try await Disclosure.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDisclosureToProtectRights_isRecordedWithItsCase_andShownToThePerson(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let subject = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)
            let request = RecordDisclosureRequest(
                userId: subject.user.id,
                recipientName: "Almaty City Court",
                dataCategories: ["full_name", "iin"],
                basis: "protection_of_rights",
                caseReference: "Case 2-1234/2026"
            )
            let record = try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: request, token: staff)
                .requireStatus(.created).content.decode(DisclosureRecord.self)
            #expect(record.clause == "§3.3.3")
            #expect(record.caseReference == "Case 2-1234/2026")
            let mine = try await t.send(.GET, "/api/v1/me/privacy/disclosures", token: subject.token)
                .content.decode(ListPage<DisclosureView>.self)
            let shown = try #require(mine.items.first { $0.id == record.id })
            #expect(shown.basis == "protection_of_rights" && shown.clause == "§3.3.3")
            #expect(shown.reference == "Case 2-1234/2026")
        }
    }
}
