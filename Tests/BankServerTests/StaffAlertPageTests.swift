import AsyncHTTPClient
import BankAPI
import Fluent
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import BankServer

/// §5.2 in the staff console: `/staff/alerts` shows the fraud team the open security alerts and lets it mark one
/// handled; another desk sees neither the queue nor can handle an alert through the page.
@Suite("The staff console's security-alert queue (§5.2)")
struct StaffAlertPageTests {
    /// The browser's form token: the same value in the cookie and the form (`Web.checkCSRF`).
    private static let csrf = String(repeating: "f", count: 43)

    /// A browser holding a staff session: the staff cookie (as the sign-in page sets it) and the CSRF cookie.
    private struct Browser {
        let client: HTTPClient
        let base: String
        let staffToken: String

        private var cookies: String { "bizbank-staff=\(staffToken); bizbank-csrf=\(StaffAlertPageTests.csrf)" }

        func get(_ path: String) async throws -> (status: HTTPResponseStatus, html: String) {
            var request = HTTPClientRequest(url: base + path)
            request.headers.add(name: "Cookie", value: cookies)
            request.headers.add(name: "Accept-Language", value: "en")
            let response = try await client.execute(request, timeout: .seconds(10))
            return (response.status, String(buffer: try await response.body.collect(upTo: 1 << 20)))
        }

        func post(_ path: String) async throws -> (status: HTTPResponseStatus, location: String?) {
            var request = HTTPClientRequest(url: base + path)
            request.method = .POST
            request.headers.add(name: "Cookie", value: cookies)
            request.headers.add(name: "Accept-Language", value: "en")
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "_csrf=\(StaffAlertPageTests.csrf)"))
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            return (response.status, response.headers.first(name: "Location"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFraudTeam_seesAnOpenAlert_andMarksItHandled_throughThePage_andAnotherDeskCannot(_ database: TestDatabase) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            try await withLiveServer(database) { live in
                let t = live.t
                // given an open alert from a client's report
                let grant = try await t.registerActive()
                try await t.send(.POST, "/api/v1/security/unauthorised-use", token: grant.token).requireStatus(.ok)
                let alertID = try #require(try await SecurityAlert.query(on: t.db).first()).requireID()
                let base = live.baseURL.absoluteString
                let fraud = Browser(client: client, base: base, staffToken: try await t.staffToken(.fraud))
                let support = Browser(client: client, base: base, staffToken: try await t.staffToken(.support))

                // another desk: no queue, and the handle form changes nothing
                let refusedPage = try await support.get("/staff/alerts")
                #expect(refusedPage.status == .forbidden)
                #expect(!refusedPage.html.contains(alertID.uuidString))
                let refusedHandle = try await support.post("/staff/alerts/\(alertID)/handle")
                #expect(refusedHandle.status == .forbidden)
                #expect(try await SecurityAlert.find(alertID, on: t.db)?.handledAt == nil)

                // the fraud team sees the alert with its handle button
                let queue = try await fraud.get("/staff/alerts")
                #expect(queue.status == .ok)
                #expect(queue.html.contains("data-testid=\"alert-\(alertID.uuidString)\""))
                #expect(queue.html.contains("action=\"/staff/alerts/\(alertID.uuidString)/handle\""))
                #expect(queue.html.contains(grant.user.id.uuidString))

                // and marks it handled through the page
                t.clock.advance(seconds: 60)
                let handled = try await fraud.post("/staff/alerts/\(alertID)/handle")
                #expect(handled.status == .seeOther)
                #expect(handled.location == "/staff/alerts?done=handled")
                let stored = try #require(try await SecurityAlert.find(alertID, on: t.db))
                #expect(stored.handledAt != nil && stored.handledBy != nil)
                let after = try await fraud.get("/staff/alerts?done=handled")
                #expect(after.status == .ok)
                #expect(after.html.contains("The alert was marked handled."))
                #expect(!after.html.contains("data-testid=\"alert-\(alertID.uuidString)\""))
                #expect(after.html.contains("No open alerts."))
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
