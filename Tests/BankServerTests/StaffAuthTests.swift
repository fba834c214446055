import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Review M14: staff sign in with a password and an RFC 6238 code, are limited per IP, can sign out, and an idle
/// session ends.
@Suite("Staff authentication")
struct StaffAuthTests {
    /// RFC 6238 appendix B, SHA-1, 8 digits.
    @Test(arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func totp_matchesTheRFC6238Vectors(_ seconds: Int, _ expected: String) {
        let totp = TOTP(secret: Data("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(atStep: TOTP.step(at: Date(timeIntervalSince1970: Double(seconds)))) == expected)
    }

    @Test func base32_roundTripsTheAuthenticatorAlphabet() {
        let secret = Data([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef])
        #expect(Base32.encode(secret) == "JBSWY3DPEHPK3PXP")
        #expect(Base32.decode("JBSWY3DPEHPK3PXP") == secret)
        #expect(Base32.decode("not base32!") == nil)
    }

    private func account(_ t: TestHarness, _ username: String = "staff-" + Fixtures.digits(6)) async throws -> (String, StaffAccounts.Credentials) {
        (username, try await StaffAccounts(services: t.services).create(username: username, displayName: "Test", role: .support, on: t.db))
    }

    private func signIn(
        _ t: TestHarness,
        _ username: String,
        _ password: String,
        code: String,
        ip: String = "10.0.0.1"
    ) async throws
        -> TestingHTTPResponse
    {
        try await t.send(.POST, "/api/v1/staff/sign-in", json: StaffSignInRequest(username: username, password: password, code: code), ip: ip)
    }

    @Test(arguments: TestDatabase.all)
    func signIn_needsTheAuthenticatorCode_andACodeWorksOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (username, credentials) = try await account(t)
            let now = TOTP.step(at: t.clock.now())
            let code = credentials.authenticator.code(atStep: now)
            let wrong = code == "000000" ? "111111" : "000000"
            #expect(try t.problem(try await signIn(t, username, credentials.password, code: wrong)).code == "sign_in_failed")
            #expect(try t.problem(try await signIn(t, username, "wrong password", code: code)).code == "sign_in_failed")
            try await signIn(t, username, credentials.password, code: code).requireStatus(.ok)
            // the same code again is a replay
            #expect(try await signIn(t, username, credentials.password, code: code).status == .unauthorized)
            t.clock.advance(seconds: 30)
            try await signIn(t, username, credentials.password, code: credentials.authenticator.code(atStep: now + 1)).requireStatus(.ok)
            // past the per-username window: a code two steps old is refused, the current one works
            t.clock.advance(seconds: 15 * 60)
            let later = TOTP.step(at: t.clock.now())
            #expect(
                try await signIn(t, username, credentials.password, code: credentials.authenticator.code(atStep: later - 2)).status == .unauthorized
            )
            try await signIn(t, username, credentials.password, code: credentials.authenticator.code(atStep: later)).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onePassword_sprayedOverManyUsernames_fromOneIP_hits429(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            var statuses: [HTTPResponseStatus] = []
            for index in 0..<25 {
                statuses.append(try await signIn(t, "user-\(index)", "Spring-2026!", code: "123456", ip: "203.0.113.9").status)
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(5).allSatisfy { $0 == .tooManyRequests })
            // another address is not affected
            #expect(try await signIn(t, "user-0", "Spring-2026!", code: "123456", ip: "203.0.113.10").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signOut_revokesTheToken(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let token = try await t.staffToken(.support)
            try await t.send(.GET, "/api/v1/staff/support/tickets", token: token).requireStatus(.ok)
            try await t.send(.POST, "/api/v1/staff/sign-out", token: token).requireStatus(.noContent)
            #expect(try await t.send(.GET, "/api/v1/staff/support/tickets", token: token).status == .unauthorized)
            #expect(try await t.auditEvents().contains("staff.signed_out"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIdleSession_endsAfter15Minutes_anActiveOneLasts(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let active = try await t.staffToken(.support)
            let idle = try await t.staffToken(.support)
            for _ in 0..<3 {
                t.clock.advance(seconds: 10 * 60)
                try await t.send(.GET, "/api/v1/staff/support/tickets", token: active).requireStatus(.ok)
            }
            #expect(try await t.send(.GET, "/api/v1/staff/support/tickets", token: idle).status == .unauthorized)
        }
    }
}
