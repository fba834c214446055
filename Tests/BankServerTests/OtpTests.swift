import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// The OTP rules of ARCHITECTURE.md: CSPRNG, HMAC-stored, 5 min, single use, 3 attempts counted before
/// comparing, resend ≥ 60 s apart and ≤ 5 an hour, purpose-bound, origin-bound SMS line (§2.3.6).
@Suite("One-time codes")
struct OtpTests {
    /// Starts a sign-in on a new device; returns the challenge id and the phone.
    private func newDeviceChallenge(_ t: TestHarness) async throws -> (UUID, String) {
        let registration = Fixtures.registration()
        try await t.registerActive(registration)
        let response = try await t.send(
            .POST,
            "/api/v1/auth/sign-in",
            json: SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: Fixtures.device())
        )
        try response.requireStatus(.accepted)
        return (try response.content.decode(OtpChallengeResponse.self).challengeId, registration.person.phone)
    }

    private func verify(_ t: TestHarness, _ id: UUID, _ code: String) async throws -> TestingHTTPResponse {
        try await t.send(.POST, "/api/v1/auth/sign-in/verify", json: OtpAnswer(challengeId: id, code: code))
    }

    @Test(arguments: TestDatabase.all)
    func otp_isStoredOnlyAsHMAC(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            let challenge = try #require(try await OtpChallenge.find(id, on: t.db))
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            #expect(!challenge.codeHMAC.contains(code))
            #expect(challenge.codeHMAC.count == 64)
            #expect(challenge.codeHMAC == t.services.otp.codeHMAC(id: id, purpose: .signIn, binding: challenge.binding, code: code))
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_threeWrongAttempts_voidTheChallenge_evenForTheRightCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            let wrong = code == "000000" ? "111111" : "000000"
            #expect(try t.problem(try await verify(t, id, wrong)).code == "otp_invalid")
            #expect(try t.problem(try await verify(t, id, wrong)).code == "otp_invalid")
            #expect(try t.problem(try await verify(t, id, wrong)).code == "otp_exhausted")
            #expect(try t.problem(try await verify(t, id, code)).code == "otp_exhausted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_attemptsAreCountedBeforeComparing_soParallelGuessesCannotExceedThree(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, _) = try await newDeviceChallenge(t)
            let statuses = try await withThrowingTaskGroup(of: String.self) { group in
                for guess in 0..<10 {
                    group.addTask { try t.problem(try await verify(t, id, String(format: "%06d", 900_000 + guess))).code }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let challenge = try #require(try await OtpChallenge.find(id, on: t.db))
            #expect(challenge.attempts == 3)
            #expect(statuses.filter { $0 == "otp_invalid" }.count <= 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_expiresAfterFiveMinutes(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            t.clock.advance(seconds: 301)
            #expect(try t.problem(try await verify(t, id, code)).code == "otp_expired")
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_isSingleUse(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            try await verify(t, id, code).requireStatus(.ok)
            #expect(try await verify(t, id, code).status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_isPurposeBound_aSignInCodeDoesNotCompleteARegistration(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            let wrongPurpose = try await t.send(.POST, "/api/v1/registrations/verify", json: OtpAnswer(challengeId: id, code: code))
            #expect(try t.problem(wrongPurpose).code == "otp_invalid")
            try await verify(t, id, code).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_bindingMismatch_fails(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let code = try await t.latestCode(to: phone)
            await #expect(throws: BankError.otpInvalid) {
                _ = try await t.services.otp.verify(challengeID: id, code: code, purpose: .signIn, binding: "another-operation", on: t.db)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_resend_waitsSixtySeconds_andVoidsTheOldCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (id, phone) = try await newDeviceChallenge(t)
            let oldCode = try await t.latestCode(to: phone)
            let tooSoon = try await t.send(.POST, "/api/v1/otp/resend", json: ResendRequest(challengeId: id))
            #expect(tooSoon.status == .tooManyRequests)
            #expect(try t.problem(tooSoon).code == "otp_resend_too_soon")
            #expect(tooSoon.headers.first(name: .retryAfter) == "60")
            t.clock.advance(seconds: 60)
            try await t.send(.POST, "/api/v1/otp/resend", json: ResendRequest(challengeId: id)).requireStatus(.accepted)
            let newCode = try await t.latestCode(to: phone)
            if newCode != oldCode {
                #expect(try await verify(t, id, oldCode).status == .unprocessableEntity)
            }
            try await verify(t, id, newCode).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func otp_atMostFiveSendsAnHourPerPhone(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // this code and four resends make five; the registration code counts against the budget of codes anyone
            // may ask for (review M7), not this one
            let (id, _) = try await newDeviceChallenge(t)
            for _ in 1...4 {
                t.clock.advance(seconds: 61)
                try await t.send(.POST, "/api/v1/otp/resend", json: ResendRequest(challengeId: id)).requireStatus(.accepted)
            }
            t.clock.advance(seconds: 61)
            let sixth = try await t.send(.POST, "/api/v1/otp/resend", json: ResendRequest(challengeId: id))
            #expect(sixth.status == .tooManyRequests)
            #expect(try t.problem(sixth).code == "rate_limited")
        }
    }
}
