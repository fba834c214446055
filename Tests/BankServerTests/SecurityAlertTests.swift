import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §5.2: a report of unauthorised use reaches people: the fraud team is told (by e-mail, with the alert's id only),
/// sees the open alerts in its queue and marks each handled.
@Suite("Security alerts reach the fraud team (§5.2)")
struct SecurityAlertTests {
    @Test(arguments: TestDatabase.all)
    func aReport_alertsTheFraudTeam_whoListAndHandleIt_andNoClientCan(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a client who reports unauthorised use
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let bystander = try await t.registerActive()
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: grant.token).requireStatus(.ok)
            let alert = try #require(try await SecurityAlert.query(on: t.db).first())
            let alertID = try alert.requireID()
            // then the fraud team's address gets an e-mail naming the alert and nothing about the person
            let emails = try await EmailMessage.query(on: t.db).filter(\.$category == "staff_alert").all()
            #expect(emails.count == 1)
            let (to, body) = try EmailOutbox(services: t.services).open(try #require(emails.first))
            #expect(to == t.services.config.fraudTeamEmail)
            #expect(body.contains(alertID.uuidString))
            for personal in [registration.person.fullName, registration.person.phone, registration.person.email, registration.person.iin] {
                #expect(!body.contains(personal), "\(personal)")
            }
            #expect(!body.contains(grant.user.id.uuidString))
            // and the fraud team sees it in its queue
            let fraud = try await t.staffToken(.fraud)
            let open = try await t.send(.GET, "/api/v1/staff/security/alerts", token: fraud).requireStatus(.ok)
                .content.decode(ListPage<SecurityAlertView>.self)
            #expect(open.items.map(\.id) == [alertID])
            #expect(open.items.first?.userId == grant.user.id && open.items.first?.kind == "unauthorised_use_report")
            #expect(open.items.first?.channel == "app" && open.items.first?.handledAt == nil)
            // a client cannot read or handle the queue, nor can another desk
            #expect(try await t.send(.GET, "/api/v1/staff/security/alerts", token: bystander.token).status == .unauthorized)
            let handlePath = "/api/v1/staff/security/alerts/\(alertID)/handle"
            #expect(try await t.send(.POST, handlePath, token: bystander.token).status == .unauthorized)
            let support = try await t.staffToken(.support)
            #expect(try await t.send(.GET, "/api/v1/staff/security/alerts", token: support).status == .forbidden)
            #expect(try await t.send(.POST, handlePath, token: support).status == .forbidden)
            #expect(try await SecurityAlert.find(alertID, on: t.db)?.handledAt == nil)
            // when the fraud team handles it
            t.clock.advance(seconds: 60)
            let handled = try await t.send(.POST, handlePath, token: fraud).requireStatus(.ok).content.decode(SecurityAlertView.self)
            // then handled_at and handled_by are set, it leaves the queue, and a second handling is refused
            let stored = try #require(try await SecurityAlert.find(alertID, on: t.db))
            #expect(stored.handledAt != nil && stored.handledBy != nil)
            #expect(handled.handledAt != nil && handled.handledBy == stored.handledBy)
            let member = try #require(try await StaffMember.find(stored.handledBy, on: t.db))
            #expect(member.role == .fraud)
            let after = try await t.send(.GET, "/api/v1/staff/security/alerts", token: fraud).content.decode(ListPage<SecurityAlertView>.self)
            #expect(after.items.isEmpty)
            #expect(try t.problem(try await t.send(.POST, handlePath, token: fraud)).code == "conflict")
            #expect(try await t.auditEvents().contains("security.alert_handled"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theQueue_isNewestFirst_andPaged(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let first = try await t.registerActive()
            let second = try await t.registerActive()
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: first.token).requireStatus(.ok)
            t.clock.advance(seconds: 5)
            try await t.send(.POST, "/api/v1/security/unauthorised-use", token: second.token).requireStatus(.ok)
            let fraud = try await t.staffToken(.fraud)
            let page1 = try await t.send(.GET, "/api/v1/staff/security/alerts?limit=1", token: fraud).requireStatus(.ok)
                .content.decode(ListPage<SecurityAlertView>.self)
            #expect(page1.items.map(\.userId) == [second.user.id])
            let cursor = try #require(page1.nextCursor)
            let page2 = try await t.send(.GET, "/api/v1/staff/security/alerts?limit=1&cursor=\(cursor)", token: fraud).requireStatus(.ok)
                .content.decode(ListPage<SecurityAlertView>.self)
            #expect(page2.items.map(\.userId) == [first.user.id])
            #expect(page2.nextCursor == nil)
        }
    }
}
