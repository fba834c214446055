import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Law 94-V art. 24–25: a completed block request stops processing beyond what the law still requires — no notices
/// but security ones, hidden from colleagues, no staff read without a legal basis — and is lifted only by an unblock
/// request, never by the §5.2 unblock command. The person is told when each request is completed or refused, and
/// the officer's queue shows what is overdue.
@Suite("Data block and the request queue (Law 94-V art. 24–25)")
struct DataBlockTests {
    /// Submits a request as the person and has the privacy officer complete it; answers the request.
    static func completed(_ t: TestHarness, _ kind: String, token: String, officer: String) async throws -> PrivacyRequestView {
        let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: kind), token: token)
            .requireStatus(.created).content.decode(PrivacyRequestView.self)
        return try await t.send(.POST, "/api/v1/staff/privacy/requests/\(request.id)/complete", token: officer)
            .requireStatus(.ok).content.decode(PrivacyRequestView.self)
    }

    static func notice(_ t: TestHarness, _ key: String, kind: String) -> String {
        let localizer = t.services.localizer
        return localizer.text(key, .kk, ["kind": localizer.text("privacy.request_kind.\(kind)", .kk)])
    }

    @Test(arguments: TestDatabase.all)
    func blockedPerson_getsOnlySecurityNotices_andIsHiddenFromColleagues(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let subject = company.operatorUser
            try await t.grantMarketing(subject.token)
            let officer = try await t.staffToken(.privacyOfficer)
            let before = try await t.send(.GET, "/api/v1/companies/\(company.id)/employees", token: company.director.token)
                .requireStatus(.ok).content.decode(ListPage<EmployeeView>.self)
            #expect(before.items.map(\.userId).contains(subject.user.id))
            _ = try await Self.completed(t, "block", token: subject.token, officer: officer)
            let user = try #require(try await User.find(subject.user.id, on: t.db))
            #expect(user.status == .dataBlocked)
            // the person is told, by the always-on security path (SMS and inbox), although blocked
            let phone = try await t.services.vault.open(user, on: t.db).phone.value
            #expect(try await t.messages(to: phone).last == Self.notice(t, "notification.privacy_request_completed", kind: "block"))
            #expect(
                try await InboxItem.query(on: t.db).filter(\.$userID == subject.user.id)
                    .filter(\.$templateKey == "notification.privacy_request_completed").count() == 1
            )
            // nothing else reaches them
            let notifications = NotificationService(services: t.services)
            let message = NotificationMessage(key: "notification.offer", parameters: ["text": "x"])
            #expect(try await notifications.notify(user, .operational, message, on: t.db).isEmpty)
            #expect(try await notifications.notify(userID: subject.user.id, .operational, message, on: t.db).isEmpty)
            #expect(try await notifications.notify(user, .marketing, message, on: t.db).isEmpty)
            #expect(try await !notifications.notify(user, .security, message, on: t.db).isEmpty)
            // colleagues no longer see them
            let after = try await t.send(.GET, "/api/v1/companies/\(company.id)/employees", token: company.director.token)
                .requireStatus(.ok).content.decode(ListPage<EmployeeView>.self)
            #expect(!after.items.map(\.userId).contains(subject.user.id))
            #expect(after.items.count == before.items.count - 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func staffRead_ofABlockedPerson_needsALegalBasis_thatIsRecorded(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let officer = try await t.staffToken(.privacyOfficer)
            let support = try await t.staffToken(.support)
            _ = try await Self.completed(t, "block", token: grant.token, officer: officer)
            let refused = try await t.send(.GET, "/api/v1/staff/users/\(grant.user.id)?reason=Client%20call", token: support)
            #expect(refused.status == .unprocessableEntity)
            #expect(try t.problem(refused).errors?.map(\.field) == ["legalBasis"])
            #expect(try await StaffDataAccess.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
            let read = try await t.send(
                .GET,
                "/api/v1/staff/users/\(grant.user.id)?reason=Court%20order&legalBasis=Law%2094-V%20art.%209",
                token: support
            )
            #expect(try read.requireStatus(.ok).content.decode(StaffUserView.self).status == "data_blocked")
            let accesses = try await StaffDataAccess.query(on: t.db).filter(\.$userID == grant.user.id).all()
            #expect(accesses.map(\.legalBasis) == ["Law 94-V art. 9"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func securityUnblockCommand_neverLiftsADataBlock(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let officer = try await t.staffToken(.privacyOfficer)
            _ = try await Self.completed(t, "block", token: grant.token, officer: officer)
            await #expect(throws: BankError.accountNotSecurityBlocked) {
                try await t.services.unauthorisedUse.unblock(userID: grant.user.id, on: t.db)
            }
            await #expect(throws: (any Error).self) {
                try await t.runCommand(AccountCommands(), ["unblock", "--user", grant.user.id.uuidString])
            }
            #expect(try await User.find(grant.user.id, on: t.db)?.status == .dataBlocked)
            #expect(try await !t.auditEvents().contains("account.unblocked"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func unblockRequest_liftsTheDataBlock_andThePersonIsTold(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let officer = try await t.staffToken(.privacyOfficer)
            // not blocked: nothing to unblock, and nothing stored
            let early = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "unblock"), token: grant.token)
            #expect(try t.problem(early).errors?.map(\.code) == ["not_blocked"])
            #expect(try await PrivacyRequest.query(on: t.db).count() == 0)
            let smsActive = try await t.messages(to: registration.person.phone).count
            let decoy = try await t.send(.POST, "/api/v1/privacy/unblock-requests/start", json: PrivacyUnblockStart(phone: registration.person.phone))
            #expect(decoy.status == .accepted)
            #expect(try await t.messages(to: registration.person.phone).count == smsActive)
            _ = try await Self.completed(t, "block", token: grant.token, officer: officer)
            // the blocked person cannot sign in: they ask from the sign-in screen, proving the phone with a code
            let smsBefore = try await t.messages(to: registration.person.phone).count
            let started = try await t.send(
                .POST,
                "/api/v1/privacy/unblock-requests/start",
                json: PrivacyUnblockStart(phone: registration.person.phone)
            )
            let challenge = try started.requireStatus(.accepted).content.decode(ChallengeStarted.self)
            #expect(try await t.messages(to: registration.person.phone).count == smsBefore + 1)
            let confirmed = try await t.send(
                .POST,
                "/api/v1/privacy/unblock-requests/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: registration.person.phone))
            )
            let unblock = try confirmed.requireStatus(.created).content.decode(PrivacyRequestView.self)
            #expect(unblock.kind == "unblock")
            // or in writing, or through 7711, and the officer records it: the same open request
            let recorded = try await t.send(
                .POST,
                "/api/v1/staff/privacy/requests",
                json: StaffSubmitPrivacyRequest(userId: grant.user.id, kind: "unblock"),
                token: officer
            )
            #expect(try recorded.requireStatus(.created).content.decode(PrivacyRequestView.self).id == unblock.id)
            #expect(try await User.find(grant.user.id, on: t.db)?.status == .dataBlocked)
            try await t.send(.POST, "/api/v1/staff/privacy/requests/\(unblock.id)/complete", token: officer).requireStatus(.ok)
            #expect(try await User.find(grant.user.id, on: t.db)?.status == .active)
            #expect(
                try await t.messages(to: registration.person.phone).last == Self.notice(t, "notification.privacy_request_completed", kind: "unblock")
            )
            // and they are back
            let session = try await t.signIn(registration)
            try await t.send(.GET, "/api/v1/me", token: session.token).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func refusal_andInformation_areToldToThePerson(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let officer = try await t.staffToken(.privacyOfficer)
            let destroy = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: grant.token)
                .content.decode(PrivacyRequestView.self)
            try await t.send(
                .POST,
                "/api/v1/staff/privacy/requests/\(destroy.id)/refuse",
                json: RefusePrivacyRequest(reason: "Open credit line: data kept under Law 94-V art. 18"),
                token: officer
            )
            .requireStatus(.ok)
            #expect(
                try await t.messages(to: registration.person.phone).last == Self.notice(t, "notification.privacy_request_refused", kind: "destroy")
            )
            #expect(try await User.find(grant.user.id, on: t.db)?.status == .active)
            _ = try await Self.completed(t, "information", token: grant.token, officer: officer)
            #expect(
                try await t.messages(to: registration.person.phone).last
                    == Self.notice(t, "notification.privacy_request_completed", kind: "information")
            )
            let inbox = try await t.inbox(grant.token)
            #expect(inbox.items.count >= 2)
        }
    }

    /// After destruction there is no inbox and no key: the last word goes by SMS, linked to no one.
    @Test(arguments: TestDatabase.all)
    func destruction_isToldBySMS_andTheOtherOpenRequestsCanOnlyBeRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let officer = try await t.staffToken(.privacyOfficer)
            let information = try await t.send(
                .POST,
                "/api/v1/me/privacy/requests",
                json: SubmitPrivacyRequest(kind: "information"),
                token: grant.token
            ).requireStatus(.created).content.decode(PrivacyRequestView.self)
            _ = try await Self.completed(t, "destroy", token: grant.token, officer: officer)
            #expect(try await User.find(grant.user.id, on: t.db)?.status == .destroyed)
            #expect(
                try await t.messages(to: registration.person.phone).last == Self.notice(t, "notification.privacy_request_completed", kind: "destroy")
            )
            #expect(try await SMSMessage.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
            let late = try await t.send(.POST, "/api/v1/staff/privacy/requests/\(information.id)/complete", token: officer)
            #expect(late.status == .notFound)
            try await t.send(
                .POST,
                "/api/v1/staff/privacy/requests/\(information.id)/refuse",
                json: RefusePrivacyRequest(reason: "The data was destroyed at the person's request"),
                token: officer
            ).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func informationRequests_haveTheirOwnDeadline_andTheQueueShowsOverdue(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            _ = try await t.registerActive(registration)
            t.clock.advance(seconds: 4 * 86_400 - 60)  // Friday 25 September 2026, 19:12 in Kazakhstan
            let session = try await t.signIn(registration)
            func submit(_ kind: String) async throws -> PrivacyRequestView {
                try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: kind), token: session.token)
                    .requireStatus(.created).content.decode(PrivacyRequestView.self)
            }
            let block = try await submit("block")
            let information = try await submit("information")
            let formatter = ISO8601DateFormatter()
            #expect(block.dueAt == formatter.date(from: "2026-09-28T23:59:59+05:00")!)  // privacyActionWorkingDays = 1
            #expect(information.dueAt == formatter.date(from: "2026-09-30T23:59:59+05:00")!)  // privacyInformationWorkingDays = 3
            let officer = try await t.staffToken(.privacyOfficer)
            func queue(_ query: String) async throws -> PrivacyRequestList {
                try await t.send(.GET, "/api/v1/staff/privacy/requests\(query)", token: officer).requireStatus(.ok).content.decode(
                    PrivacyRequestList.self
                )
            }
            #expect(try await queue("?overdue=true").items.isEmpty)
            #expect(try await queue("").items.allSatisfy { !$0.overdue })
            // Tuesday: the block request is late, the information request is not yet
            t.clock.advance(seconds: 4 * 86_400)
            let officerNow = try await t.staffToken(.privacyOfficer)
            let all = try await t.send(.GET, "/api/v1/staff/privacy/requests", token: officerNow).requireStatus(.ok).content.decode(
                PrivacyRequestList.self
            )
            #expect(all.items.first { $0.id == block.id }?.overdue == true)
            #expect(all.items.first { $0.id == information.id }?.overdue == false)
            let overdue = try await t.send(.GET, "/api/v1/staff/privacy/requests?overdue=true", token: officerNow).requireStatus(.ok)
                .content.decode(PrivacyRequestList.self)
            #expect(overdue.items.map(\.id) == [block.id])
            let bad = try await t.send(.GET, "/api/v1/staff/privacy/requests?overdue=maybe", token: officerNow)
            #expect(try t.problem(bad).errors?.map(\.field) == ["overdue"])
        }
    }
}
