import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 14: a retention rule for every stored category that had none, each with its period from the purposes
/// register (device signals and network data 90 days, "until the account is closed, then 5 years", support 5 years).
@Suite("Retention of the remaining categories (§2.1, §3.1, Law 94-V art. 18)")
struct RetentionDormantTests {
    private func run(_ t: TestHarness, dryRun: Bool = false) async throws -> RetentionJob.Report {
        try await RetentionJob(services: t.services).run(dryRun: dryRun, on: t.db)
    }

    @Test(arguments: TestDatabase.all)
    func aDeviceUnusedFor90Days_goes_andSigningInFromItAsksForACodeAgain(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            t.clock.advance(seconds: 89 * 86_400)
            #expect(try await run(t)["devices"] == 0)
            #expect(try await Device.query(on: t.db).count() == 1)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["devices"] == 1)
            #expect(try await Device.query(on: t.db).count() == 0)
            let again = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
            #expect(try await t.send(.POST, "/api/v1/auth/sign-in", json: again).status == .accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUnreadInboxItem_goesAfterAYear(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let ticket = try await t.send(.POST, "/api/v1/me/support/tickets", json: NewTicketRequest(subject: "s", text: "t"), token: grant.token)
                .requireStatus(.created).content.decode(TicketView.self)
            let support = try await t.staffToken(.support)
            try await t.send(.POST, "/api/v1/staff/support/tickets/\(ticket.id)/messages", json: TicketMessageRequest(text: "a"), token: support)
                .requireStatus(.ok)
            let unread = try await InboxItem.query(on: t.db).filter(\.$userID == grant.user.id).filter(\.$readAt == nil).count()
            #expect(unread >= 1)
            t.clock.advance(seconds: 364 * 86_400)
            #expect(try await run(t)["inbox_unread"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["inbox_unread"] == unread)
            #expect(try await InboxItem.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOpenTicketLeftUntouched_goesAfterTheSupportRetention_withItsMessages(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.send(.POST, "/api/v1/me/support/tickets", json: NewTicketRequest(subject: "s", text: "t"), token: grant.token)
                .requireStatus(.created)
            let days = t.services.purposes.entry(.support).retentionDays ?? 0
            #expect(days == 1825)
            t.clock.advance(seconds: Double(days - 1) * 86_400)
            #expect(try await run(t)["support_tickets_open"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["support_tickets_open"] == 1)
            #expect(try await SupportTicket.query(on: t.db).count() == 0)
            #expect(try await SupportMessage.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSecurityAlert_staysWhileUnhandled_andGoesFiveYearsAfterItWasHandled(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: grant.token).requireStatus(.ok)
            t.clock.advance(seconds: 6 * 365 * 86_400)
            #expect(try await run(t)["security_alerts"] == 0)
            let alert = try #require(try await SecurityAlert.query(on: t.db).first())
            alert.handledAt = t.clock.now()
            try await alert.save(on: t.db)
            t.clock.advance(seconds: (RetentionJob.handledAlertRetentionDays - 1) * 86_400)
            #expect(try await run(t)["security_alerts"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["security_alerts"] == 1)
            #expect(try await SecurityAlert.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func agreements_loseTheirIPUserAgentAndDevice_afterTheNetworkRetention_butStayAsEvidence(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let acceptance = try #require(try await PolicyAcceptance.query(on: t.db).filter(\.$user.$id == grant.user.id).first())
            #expect(acceptance.ip == "10.0.0.1" && !acceptance.userAgent.isEmpty)
            t.clock.advance(seconds: 89 * 86_400)
            #expect(try await run(t)["agreement_network_data"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["agreement_network_data"] == 2)  // the acceptance and the account-creation consent
            let kept = try #require(try await PolicyAcceptance.query(on: t.db).filter(\.$user.$id == grant.user.id).first())
            #expect(kept.ip == "0.0.0.0" && kept.userAgent.isEmpty && kept.deviceInstallationID.isEmpty)
            let consents = try await Consent.query(on: t.db).filter(\.$user.$id == grant.user.id).all()
            #expect(consents.count == 1 && consents.allSatisfy { $0.deviceInstallationID.isEmpty })
            #expect(try await run(t)["agreement_network_data"] == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRemovedEmployee_inNoCompany_isDestroyedFiveYearsAfterTheRemoval(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a person who came in by invitation (no company of their own) and was removed, and the others
            let company = try await t.paymentCompany()
            let invitation = EmployeeTests.invitation(role: "viewer")
            try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: invitation, token: company.director.token)
                .requireStatus(.created)
            let started = try await t.send(
                .POST,
                "/api/v1/invitations/activate",
                json: InvitationActivationStart(phone: invitation.phone, device: Fixtures.device())
            ).requireStatus(.accepted).content.decode(OtpChallengeResponse.self)
            let employee = try await t.send(
                .POST,
                "/api/v1/invitations/activate/verify",
                json: EmployeeTests.activation(started.challengeId, code: try await t.latestCode(to: invitation.phone))
            ).requireStatus(.created).content.decode(SessionGrant.self)
            try await t.sendConfirmed(.DELETE, "/api/v1/companies/\(company.id)/employees/\(employee.user.id)", token: company.director.token)
                .requireStatus(.noContent)
            t.clock.advance(seconds: Double(AccountClosure.retentionDays - 1) * 86_400)
            #expect(try await run(t)["removed_employees"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await run(t)["removed_employees"] == 1)
            #expect(try await User.find(employee.user.id, on: t.db)?.status == .destroyed)
            #expect(try await User.find(company.operatorUser.user.id, on: t.db)?.status != .destroyed)
            #expect(try await User.find(company.accountant.user.id, on: t.db)?.status != .destroyed)
            #expect(try await User.find(company.director.user.id, on: t.db)?.status != .destroyed)
            #expect(try await run(t)["removed_employees"] == 0)
        }
    }
}
