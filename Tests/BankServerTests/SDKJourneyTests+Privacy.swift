import BankAPI
import BankClient
import BankCore
import Foundation
import Testing

@testable import BankServer

extension SDKJourneyTests {
    /// The privacy centre through the SDK: consents on and off, the export, a correction, a destroy request the
    /// officer sees in the staff console's client; a policy edition published mid-session forces acceptance (§6.2);
    /// a report of unauthorised use (§5.2) ends the session.
    @Test(arguments: TestDatabase.all)
    func aPerson_usesThePrivacyCentre_acceptsANewEdition_andReportsUnauthorisedUse(_ database: TestDatabase) async throws {
        try await withLiveServer(database) { live in
            // given
            let client = live.client()
            let registration = Fixtures.registration()
            let grant = try await live.register(client, registration)
            let staff = live.staffClient()
            let username = "officer-" + Fixtures.digits(6)
            let officer = try await StaffAccounts(services: live.t.services).create(
                username: username,
                displayName: "Officer",
                role: .privacyOfficer,
                on: live.t.db
            )
            try await staff.signIn(
                username: username,
                password: officer.password,
                code: officer.authenticator.code(atStep: TOTP.step(at: live.t.clock.now()))
            )

            // consents: off until granted, on, then off again (§2.3)
            #expect(try await client.hasConsent(.branchSearchLocation) == false)
            await #expect(throws: BankClientError.consentRequired(purpose: "branch_search_location")) {
                try await client.requireConsent(.branchSearchLocation)
            }
            try await client.grantConsent(.branchSearchLocation)
            try await client.requireConsent(.branchSearchLocation)
            try await client.withdrawConsent(.branchSearchLocation)
            #expect(try await client.hasConsent(.branchSearchLocation) == false)

            // the export holds what is kept; a correction of the name shows in the profile and the export
            let export = try await client.send(Endpoints.Privacy.exportMyData)
            #expect(export.profile.iin == registration.person.iin && export.profile.phone == registration.person.phone)
            _ = try await client.send(Endpoints.Sessions.updateProfile, body: ProfileUpdate(fullName: "Асель Маратқызы Сейітова"))
            #expect(try await client.send(Endpoints.Sessions.getMe).fullName == "Асель Маратқызы Сейітова")
            #expect(try await client.send(Endpoints.Privacy.exportMyData).profile.fullName == "Асель Маратқызы Сейітова")

            // a destroy request, with its deadline, in the person's list and the officer's queue
            let request = try await client.send(Endpoints.Privacy.submitPrivacyRequest, body: SubmitPrivacyRequest(kind: "destroy"))
            #expect(request.status == "received" && request.dueAt > live.t.clock.now())
            #expect(try await client.send(Endpoints.Privacy.listMyPrivacyRequests).items.map(\.id) == [request.id])
            #expect(try await staff.send(Endpoints.Staff.staffListPrivacyRequests).items.map(\.id).contains(request.id))

            // when: a new edition takes effect mid-session
            let edition = try await staff.send(
                Endpoints.Staff.publishPolicyEdition,
                body: PublishPolicyRequest(
                    title: "Құпиялылық саясаты, 2-басылым",
                    textKk: "2.2.8 Жаңа мәтін.",
                    textRu: "2.2.8 Новый текст.",
                    textEn: "2.2.8 New text.",
                    effectiveAt: live.t.clock.now(),
                    lastUpdated: "2026-12-03"
                )
            )
            // then: the next call asks for it, and after acceptance the app goes on
            do {
                _ = try await client.send(Endpoints.Sessions.getMe)
                Issue.record("a call succeeded before the new edition was accepted")
            } catch BankClientError.policyAcceptanceRequired(let version, _) {
                #expect(version == edition.version)
                try await client.acceptPolicy(version: version)
            }
            #expect(try await client.send(Endpoints.Sessions.getMe).id == grant.user.id)

            // a staff operation never travels on a client's token, nor a client one on the staff's
            await #expect(throws: BankClientError.wrongTier("staffListPrivacyRequests")) {
                _ = try await client.send(Endpoints.Staff.staffListPrivacyRequests)
            }
            await #expect(throws: BankClientError.wrongTier("getMe")) { _ = try await staff.send(Endpoints.Sessions.getMe) }

            // §5.2: the report blocks access at once; the session is over
            let report = try await client.send(Endpoints.Sessions.reportUnauthorisedUse)
            #expect(report.contactPhone.contains("7711"))
            await #expect(throws: BankClientError.sessionExpired) { _ = try await client.send(Endpoints.Sessions.getMe) }
            try await staff.signOut()
        }
    }

    /// §2.3.1 on the device: the point leaves the SDK rounded to about a kilometre.
    @Test
    func branchSearch_roundsThePointOnTheDevice() {
        let precise = Coordinate(latitude: 43.238949, longitude: 76.889709)
        #expect(precise.approximate == Coordinate(latitude: 43.24, longitude: 76.89))
    }
}
