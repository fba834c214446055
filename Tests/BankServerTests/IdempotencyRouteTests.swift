import BankAPI
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import BankServer

/// Issue 10: every state-changing route of a signed-in person accepts `Idempotency-Key`. The walk sends each one a
/// malformed key: a route behind `IdempotencyMiddleware` refuses it before anything else runs.
@Suite("Idempotency-Key on every state-changing route")
struct IdempotencyRouteTests {
    /// The routes without it, and why. Public routes have no signed-in person to scope a key to, and each spends a
    /// one-time code, nonce or challenge once; staff routes are conditional transitions (a held payment is released
    /// or rejected from `held` only) answered to a staff member, not a client.
    static let exempt: Set<String> = [
        "POST /api/v1/registrations", "POST /api/v1/registrations/verify",
        "POST /api/v1/auth/sign-in", "POST /api/v1/auth/sign-in/verify",
        "POST /api/v1/auth/device-challenge", "POST /api/v1/auth/device-sign-in",
        "POST /api/v1/otp/resend",
        "POST /api/v1/security/unauthorised-use/start", "POST /api/v1/security/unauthorised-use/confirm",
        "POST /api/v1/privacy/unblock-requests/start", "POST /api/v1/privacy/unblock-requests/confirm",
        "POST /api/v1/invitations/activate", "POST /api/v1/invitations/activate/verify",
    ]

    @Test(arguments: TestDatabase.all)
    func everyStateChangingRoute_acceptsTheKey_butTheExempt(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let malformed = String(repeating: "k", count: 129)
            var without: Set<String> = []
            for route in t.app.routes.all where IdempotencyMiddleware.methods.contains(route.method) {
                let path = route.path.map { component -> String in
                    if case .parameter = component { return UUID().uuidString }
                    return component.description
                }.joined(separator: "/")
                let name = "\(route.method) /" + route.path.map(\.description).joined(separator: "/")
                guard path.hasPrefix("api/v1/"), !path.hasPrefix("api/v1/staff/") else { continue }
                let response = try await t.send(route.method, "/" + path, token: grant.token, headers: [(IdempotencyGuard.header, malformed)])
                let refused = response.status == .unprocessableEntity && (try? t.problem(response).errors?.first?.field) == IdempotencyGuard.header
                if !refused { without.insert(name.replacingOccurrences(of: ":", with: "")) }
            }
            #expect(without == Self.exempt.reduce(into: Set<String>()) { $0.insert($1) }, "routes without Idempotency-Key: \(without.sorted())")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRetriedSupportTicket_isOpenedOnce_andAnswersTheSame(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let key = [(IdempotencyGuard.header, UUID().uuidString)]
            let body = NewTicketRequest(subject: "Statement", text: "The statement for May is missing.")
            let first = try await t.send(.POST, "/api/v1/me/support/tickets", json: body, token: grant.token, headers: key)
            let retry = try await t.send(.POST, "/api/v1/me/support/tickets", json: body, token: grant.token, headers: key)
            #expect(first.status == .created && retry.status == .created)
            #expect(try first.content.decode(TicketView.self).id == (try retry.content.decode(TicketView.self).id))
            #expect(try await SupportTicket.query(on: t.db).count() == 1)
            // the same key with another body is refused
            let other = NewTicketRequest(subject: "Other", text: "Something else entirely.")
            #expect(
                try await t.send(.POST, "/api/v1/me/support/tickets", json: other, token: grant.token, headers: key).status == .unprocessableEntity
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStepUpChallenge_isNotStoredAsTheAnswer(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let key = [(IdempotencyGuard.header, UUID().uuidString)]
            let path = "/api/v1/companies/\(company.id)/invitations"
            let invitation = EmployeeTests.invitation()
            // 202 and a code first, then the same request with the code under the same key makes the change
            let response = try await t.sendConfirmed(.POST, path, json: invitation, token: company.director.token, headers: key)
            #expect(response.status == .created)
            let replay = try await t.send(.POST, path, json: invitation, token: company.director.token, headers: key)
            #expect(replay.status == .created && replay.body.string == response.body.string)
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 1)
        }
    }
}
