import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Report suspected unauthorised use (§5.2)")
struct UnauthorisedUseTests {
    @Test(arguments: TestDatabase.all)
    func report_whenSignedIn_endsSessions_blocksSignIn_alertsTheBank_andShows7711(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            // when
            let response = try await t.send(.POST, "/api/v1/security/unauthorised-use", token: grant.token, language: "ru")
            // then
            #expect(response.status == .ok)
            let result = try response.content.decode(SecurityReportResult.self)
            #expect(result.contactPhone == "7711")
            #expect(result.message.contains("7711"))
            #expect(try await t.send(.GET, "/api/v1/me", token: grant.token).status == .unauthorized)
            let signIn = SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: registration.device)
            #expect(try await t.send(.POST, "/api/v1/auth/sign-in", json: signIn).status == .unauthorized)
            #expect(try await SecurityAlert.query(on: t.db).count() == 1)
            #expect(try await t.auditEvents().contains("security.unauthorised_use_reported"))
            // and the bank unblocks
            let user = try #require(try await User.query(on: t.db).first())
            try await t.services.unauthorisedUse.unblock(userID: try user.requireID(), on: t.db)
            // the report ended the trust of every device and took its key (review H4): even the key's proof needs a code
            let proof = try await t.deviceProof(key, phone: registration.person.phone, deviceId: registration.device.id)
            let withProof = SignInRequest(
                phone: registration.person.phone,
                password: Fixtures.password,
                device: registration.device,
                deviceProof: proof
            )
            try await t.send(.POST, "/api/v1/auth/sign-in", json: withProof).requireStatus(.accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func report_fromTheSignInScreen_needsTheSMSCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let started = try await t.send(
                .POST,
                "/api/v1/security/unauthorised-use/start",
                json: UnauthorisedUseStart(phone: registration.person.phone)
            )
            #expect(started.status == .accepted)
            let challenge = try started.content.decode(ChallengeStarted.self)
            let wrong = try await t.send(
                .POST,
                "/api/v1/security/unauthorised-use/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: "12345x")
            )
            #expect(wrong.status == .unprocessableEntity)
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
            let code = try await t.latestCode(to: registration.person.phone)
            let confirmed = try await t.send(
                .POST,
                "/api/v1/security/unauthorised-use/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: code)
            )
            #expect(confirmed.status == .ok)
            #expect(try await t.send(.GET, "/api/v1/me", token: grant.token).status == .unauthorized)
            #expect(try await User.query(on: t.db).first()?.status == .blocked)
        }
    }

    @Test(arguments: TestDatabase.all)
    func report_forUnknownPhone_answersTheSame_andSendsNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let phone = Fixtures.phone()
            let started = try await t.send(.POST, "/api/v1/security/unauthorised-use/start", json: UnauthorisedUseStart(phone: phone))
            #expect(started.status == .accepted)
            #expect(try await t.messages(to: phone).isEmpty)
        }
    }
}
