import BankAPI
import Foundation
import Testing
import Vapor

@testable import BankServer

extension TestHarness {
    /// Creates a staff account with `role` and signs it in through the API; returns the staff token.
    func staffToken(_ role: StaffMember.Role = .privacyOfficer, username: String = "staff-" + Fixtures.digits(6)) async throws -> String {
        let credentials = try await StaffAccounts(services: services).create(
            username: username,
            displayName: "Test \(role.rawValue)",
            role: role,
            on: db
        )
        let code = credentials.authenticator.code(atStep: TOTP.step(at: clock.now()))
        let request = StaffSignInRequest(username: username, password: credentials.password, code: code)
        let response = try await send(.POST, "/api/v1/staff/sign-in", json: request)
        guard response.status == .ok else { throw TestFailure("staff sign-in answered \(response.status): \(response.body.string)") }
        return try response.content.decode(StaffSignInResponse.self).token
    }

    /// Publishes a new policy edition through the staff API, effective `after` seconds from the test clock's now.
    @discardableResult
    func publishEdition(effectiveAfter seconds: TimeInterval = 0, staffToken token: String? = nil) async throws -> PolicyEditionView {
        let staff: String
        if let token { staff = token } else { staff = try await staffToken() }
        let request = PublishPolicyRequest(
            title: "Құпиялылық саясаты, 2-басылым",
            textKk: "2.2.8 Жаңа мәтін.",
            textRu: "2.2.8 Новый текст.",
            textEn: "2.2.8 New text.",
            effectiveAt: clock.now().addingTimeInterval(seconds),
            lastUpdated: "2026-11-25"
        )
        let response = try await send(.POST, "/api/v1/staff/policy/editions", json: request, token: staff)
        guard response.status == .created else { throw TestFailure("publish answered \(response.status): \(response.body.string)") }
        return try response.content.decode(PolicyEditionView.self)
    }
}

extension TestHarness {
    /// Runs a `bizbank` command group against this application, as the operator would.
    func runCommand(_ group: any AsyncCommandGroup, _ arguments: [String]) async throws {
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["bizbank"] + arguments))
        context.application = app
        try await app.console.run(group, with: context)
    }
}
