import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Data-subject rights: export, block and destroy requests, staff reads (Law 94-V art. 24–25)")
struct PrivacyRightsTests {
    @Test(arguments: TestDatabase.all)
    func export_holdsEverything_includingWhoOfTheStaffLookedAndWhy(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: grant.token).requireStatus(
                .created
            )
            let support = try await t.staffToken(.support, username: "support-ainur")
            try await t.send(.GET, "/api/v1/staff/users/\(grant.user.id)?reason=Client%20call%20about%20a%20payment", token: support)
                .requireStatus(.ok)
            let response = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token)
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            let export = try response.content.decode(PersonalDataExport.self)
            #expect(export.profile.fullName == registration.person.fullName)
            #expect(export.profile.iin == registration.person.iin)
            #expect(export.profile.phone == registration.person.phone)
            #expect(export.companies.map(\.role) == ["director"])
            #expect(export.devices.count == 1)
            #expect(export.sessions.count == 1)
            #expect(Set(export.consents.map(\.purpose)) == ["account_creation", "marketing"])
            #expect(export.policyAcceptances.map(\.version) == [1])
            #expect(export.accessLog.contains { $0.path == "/api/v1/me/consents" && $0.method == "POST" })
            #expect(export.staffAccesses == [StaffAccessView(staffRole: "support", reason: "Client call about a payment", at: t.clock.now())])
            #expect(!response.body.string.contains("support-ainur"))
            let page = try await t.send(.GET, "/api/v1/me/privacy/export?format=html", token: grant.token, language: "en")
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("Who looked at your data"))
            #expect(page.body.string.contains(HTMLText.escape(registration.person.fullName)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func staffRead_needsAReason_andARole(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let support = try await t.staffToken(.support)
            let noReason = try await t.send(.GET, "/api/v1/staff/users/\(grant.user.id)", token: support)
            #expect(try t.problem(noReason).errors?.first?.field == "reason")
            #expect(try await StaffDataAccess.query(on: t.db).count() == 0)
            #expect(try await t.send(.GET, "/api/v1/staff/users/\(UUID())?reason=x", token: support).status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/staff/privacy/requests", token: support).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func export_isAllowed_beforeAcceptingANewEdition(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.publishEdition()
            #expect(try await t.send(.GET, "/api/v1/me/sessions", token: grant.token).status == .forbidden)
            try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token).requireStatus(.ok)
            // the other rights too (§6.2 never blocks a Law 94-V right): PrivacyGateRightsTests
        }
    }

    @Test(arguments: TestDatabase.all)
    func blockRequest_hasItsDeadline_andOnceCompletedStopsSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            t.clock.advance(seconds: 4 * 86_400 - 60)  // Friday 25 September 2026, 19:12 in Kazakhstan
            // the session went idle over the days; sign in again on the trusted device
            let session = try await t.signIn(registration)
            let submitted = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "block"), token: session.token)
            #expect(submitted.status == .created)
            let request = try submitted.content.decode(PrivacyRequestView.self)
            #expect(request.status == "received")
            #expect(request.dueAt == ISO8601DateFormatter().date(from: "2026-09-28T23:59:59+05:00")!)
            // the same request again is the same record
            let again = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "block"), token: session.token)
            #expect(try again.content.decode(PrivacyRequestView.self).id == request.id)
            let officer = try await t.staffToken(.privacyOfficer)
            let queue = try await t.send(.GET, "/api/v1/staff/privacy/requests?status=received", token: officer).content.decode(
                PrivacyRequestList.self
            )
            #expect(queue.items.map(\.id) == [request.id])
            let done = try await t.send(.POST, "/api/v1/staff/privacy/requests/\(request.id)/complete", token: officer)
            #expect(try done.content.decode(PrivacyRequestView.self).handlerRole == "privacy_officer")
            #expect(try await t.send(.GET, "/api/v1/me", token: session.token).status == .unauthorized)
            let signIn = try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
            )
            #expect(try t.problem(signIn).code == "sign_in_failed")
            // closed requests stay closed
            let twice = try await t.send(.POST, "/api/v1/staff/privacy/requests/\(request.id)/complete", token: officer)
            #expect(try t.problem(twice).code == "privacy_request_closed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func destroyRequest_cryptoShredsTheSubject_butKeepsTheFinancialRecords(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let registration = Fixtures.registration()
            let subject = try await t.registerActive(registration)
            try await Membership(userID: subject.user.id, companyID: company.id, role: .operator).create(on: t.db)
            let order = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "10"),
                token: subject.token
            ).content.decode(PaymentOrderView.self)
            let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: subject.token)
                .content.decode(PrivacyRequestView.self)
            try await t.runCommand(PrivacyCommands(), ["requests", "--complete", request.id.uuidString])
            let user = try #require(try await User.find(subject.user.id, on: t.db))
            #expect(user.status == .destroyed)
            await #expect(throws: PersonKeys.KeyDestroyed.self) { try await t.services.vault.open(user, on: t.db) }
            #expect(
                try await User.query(on: t.db).filter(\.$phoneIndex == t.services.vault.phoneIndex(.init(registration.person.phone))).count() == 0
            )
            #expect(try await AccessLogEntry.query(on: t.db).filter(\.$userID == subject.user.id).count() == 0)
            // the payment order the subject drafted and the company's ledger are untouched
            try await t.send(.GET, "/api/v1/payments/\(order.id)", token: company.director.token).requireStatus(.ok)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
            // the phone number is free again: the person could register anew
            let reused = Fixtures.registration(phone: registration.person.phone)
            try await t.send(.POST, "/api/v1/registrations", json: reused).requireStatus(.accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func refusal_needsAReason_thatTheSubjectSees(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: grant.token)
                .content.decode(PrivacyRequestView.self)
            let officer = try await t.staffToken(.privacyOfficer)
            let blank = try await t.send(
                .POST,
                "/api/v1/staff/privacy/requests/\(request.id)/refuse",
                json: RefusePrivacyRequest(reason: " "),
                token: officer
            )
            #expect(try t.problem(blank).errors?.first?.field == "reason")
            let reason = "Open loan agreement: records kept until it ends (Law 94-V art. 18)"
            try await t.send(.POST, "/api/v1/staff/privacy/requests/\(request.id)/refuse", json: RefusePrivacyRequest(reason: reason), token: officer)
                .requireStatus(.ok)
            let mine = try await t.send(.GET, "/api/v1/me/privacy/requests", token: grant.token).content.decode(PrivacyRequestList.self)
            #expect(mine.items.first?.status == "refused")
            #expect(mine.items.first?.refusalReason == reason)
            let bad = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "everything"), token: grant.token)
            #expect(try t.problem(bad).errors?.first?.field == "kind")
        }
    }
}
