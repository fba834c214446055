import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Sign-in (§2.2.1, §2.2.2, §2.3.3)")
struct SignInTests {
    @Test(arguments: TestDatabase.all)
    func signIn_onNewDevice_needsSMSCode_thenTheDeviceIsTrusted(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let tablet = Fixtures.device(name: "Office iPad")
            let request = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: tablet)
            // when: a device not yet trusted
            let first = try await t.send(.POST, "/api/v1/auth/sign-in", json: request)
            // then: a code, not a session
            #expect(first.status == .accepted)
            let challenge = try first.content.decode(OtpChallengeResponse.self)
            let text = try #require(try await t.messages(to: registration.person.phone).last)
            #expect(text.contains("Office iPad"))
            #expect(text.hasSuffix("\n@bizbank.kz #\(try await t.latestCode(to: registration.person.phone))"))
            let verified = try await t.send(
                .POST,
                "/api/v1/auth/sign-in/verify",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: registration.person.phone))
            )
            #expect(verified.status == .ok)
            let grant = try verified.content.decode(SessionGrant.self)
            let devices = try await t.send(.GET, "/api/v1/me/devices", token: grant.token).content.decode(ListPage<DeviceView>.self)
            let ipad = try #require(devices.items.first { $0.name == "Office iPad" })
            #expect(ipad.trusted && ipad.platform == "ios" && ipad.appVersion == "1.0.0")
        }
    }

    @Test(arguments: TestDatabase.all)
    func signIn_wrongPassword_andUnknownPhone_getTheSameAnswer(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let wrongPassword = try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: registration.person.phone, password: "Wrong-Password-123", device: registration.device)
            )
            let unknownPhone = try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: Fixtures.phone(), password: Fixtures.password, device: registration.device)
            )
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownPhone.status == .unauthorized)
            #expect(wrongPassword.body.string == unknownPhone.body.string)
            #expect(try t.problem(wrongPassword).code == "sign_in_failed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func signIn_fiveFailures_lockForThirtyMinutes_andSendSecuritySMS(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let wrong = SignInRequest(phone: registration.person.phone, password: "Wrong-Password-123", device: registration.device)
            let right = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
            // when
            for _ in 1...5 { try await t.send(.POST, "/api/v1/auth/sign-in", json: wrong).requireStatus(.unauthorized) }
            // then: even the right password is refused, with the same answer
            let locked = try await t.send(.POST, "/api/v1/auth/sign-in", json: right)
            #expect(locked.status == .unauthorized)
            #expect(try t.problem(locked).code == "sign_in_failed")
            #expect(try await t.messages(to: registration.person.phone).last?.contains("30") == true)
            let events = try await t.auditEvents()
            #expect(events.contains("sign_in.locked"))
            t.clock.advance(seconds: 29 * 60)
            try await t.send(.POST, "/api/v1/auth/sign-in", json: right).requireStatus(.unauthorized)
            t.clock.advance(seconds: 2 * 60)
            try await t.send(.POST, "/api/v1/auth/sign-in", json: right).requireStatus(.accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signIn_successResetsTheFailureCount(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let wrong = SignInRequest(phone: registration.person.phone, password: "Wrong-Password-123", device: registration.device)
            for _ in 1...4 { try await t.send(.POST, "/api/v1/auth/sign-in", json: wrong).requireStatus(.unauthorized) }
            _ = try await t.signIn(registration)
            for _ in 1...4 { try await t.send(.POST, "/api/v1/auth/sign-in", json: wrong).requireStatus(.unauthorized) }
            _ = try await t.signIn(registration)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signIn_isRateLimitedPerIP_with429AndRetryAfter(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.security.signInPerIPPerMinute = 3 }) { t in
            let request = SignInRequest(phone: Fixtures.phone(), password: "Whatever-Password-1", device: Fixtures.device())
            for _ in 1...3 { try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.5").requireStatus(.unauthorized) }
            let limited = try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.5")
            #expect(limited.status == .tooManyRequests)
            #expect(try t.problem(limited).code == "rate_limited")
            let retryAfter = try #require(limited.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((1...60).contains(retryAfter))
            // another IP is not affected
            try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.6").requireStatus(.unauthorized)
            t.clock.advance(seconds: 61)
            try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "203.0.113.5").requireStatus(.unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signIn_isRateLimitedPerPhone_acrossIPs(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.security.signInPerPhonePerHour = 2 }) { t in
            let request = SignInRequest(phone: Fixtures.phone(), password: "Whatever-Password-1", device: Fixtures.device())
            try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "198.51.100.1").requireStatus(.unauthorized)
            try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "198.51.100.2").requireStatus(.unauthorized)
            try await t.send(.POST, "/api/v1/auth/sign-in", json: request, ip: "198.51.100.3").requireStatus(.tooManyRequests)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_isRateLimitedPerIP(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.security.registrationsPerIPPerHour = 2 }) { t in
            for _ in 1...2 {
                try await t.send(.POST, "/api/v1/registrations", json: Fixtures.registration(), ip: "198.51.100.9").requireStatus(.accepted)
            }
            let limited = try await t.send(.POST, "/api/v1/registrations", json: Fixtures.registration(), ip: "198.51.100.9")
            #expect(limited.status == .tooManyRequests)
            #expect(try await User.query(on: t.db).count() == 2)
        }
    }
}

@Suite("Sign-in timing")
struct SignInTimingTests {
    /// An unknown phone is checked against a decoy hash of the same cost as real ones.
    @Test
    func decoyHash_usesTheConfiguredBcryptCost() async throws {
        try await withApp(.sqlite, adjust: .set { $0.bcryptCost = 6 }) { t in
            #expect(t.services.decoyPasswordHash.hasPrefix("$2b$06$"))
            let real = try await t.services.hashPassword("Some-Long-Password-1")
            #expect(real.prefix(7) == t.services.decoyPasswordHash.prefix(7))
        }
    }
}
