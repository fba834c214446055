import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §4.1 phone correction: codes to both numbers, both needed; a number in use elsewhere is refused without saying by whom.
extension CorrectionTests {
    @Test(arguments: TestDatabase.all)
    func phoneChange_withBothCodes_movesSignInToTheNewNumber_andEndsOtherSessions(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a user signed in twice
            let registration = Fixtures.registration()
            let oldPhone = registration.person.phone
            let current = try await t.registerActive(registration)
            let other = try await t.signIn(registration)
            let newPhone = Fixtures.phone()
            let newMasked = try PhoneNumber(newPhone).masked
            // when
            let started = try await t.startPhoneChange(current, to: newPhone)
            #expect(started.oldPhoneMasked == (try PhoneNumber(oldPhone).masked))
            #expect(started.newPhoneMasked == newMasked)
            let codes = (old: try await t.latestCode(to: oldPhone), new: try await t.latestCode(to: newPhone))
            #expect(try await t.messages(to: oldPhone).last?.contains(newMasked) == true)
            let confirmed = try await t.confirmPhoneChange(current, started.challengeId, codes.old, codes.new)
            // then
            #expect(try confirmed.requireStatus(.ok).content.decode(UserProfile.self).phoneMasked == newMasked)
            let user = try #require(try await User.find(current.user.id, on: t.db))
            #expect(user.phoneIndex == t.services.vault.phoneIndex(try PhoneNumber(newPhone)))
            #expect(try await t.send(.GET, "/api/v1/me", token: other.token).status == .unauthorized)
            #expect(try await t.me(current).phoneMasked == newMasked)
            let notice = t.services.localizer.text("sms.security.phone_changed", .kk, ["phone": newMasked])
            #expect(try await t.messages(to: oldPhone).last == notice)
            #expect(try await t.auditEvents().contains("profile.phone_changed"))
            // and the old number can no longer sign in, the new one can
            let byOldPhone = try await t.signIn(oldPhone, registration.device)
            #expect(byOldPhone.status == .unauthorized)
            #expect(try t.problem(byOldPhone).code == "sign_in_failed")
            try await t.signIn(newPhone, registration.device).requireStatus(.accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func phoneChange_withOneWrongCode_changesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let registration = Fixtures.registration()
            let oldPhone = registration.person.phone
            let current = try await t.registerActive(registration)
            let other = try await t.signIn(registration)
            let newPhone = Fixtures.phone()
            let started = try await t.startPhoneChange(current, to: newPhone)
            let codes = (old: try await t.latestCode(to: oldPhone), new: try await t.latestCode(to: newPhone))
            func wrong(_ code: String) -> String { code == "000000" ? "111111" : "000000" }
            let smsToOldPhone = try await t.messages(to: oldPhone).count
            // when / then: either code wrong is refused
            for (fromOld, fromNew) in [(wrong(codes.old), codes.new), (codes.old, wrong(codes.new))] {
                let response = try await t.confirmPhoneChange(current, started.challengeId, fromOld, fromNew)
                #expect(response.status == .unprocessableEntity)
                #expect(try t.problem(response).code == "otp_invalid")
            }
            let malformed = try await t.confirmPhoneChange(current, started.challengeId, String(codes.old.prefix(5)), codes.new + "1")
            #expect(try t.problem(malformed).errors?.map(\.field) == ["codeFromOldPhone", "codeFromNewPhone"])
            // and nothing changed
            let user = try #require(try await User.find(current.user.id, on: t.db))
            #expect(user.phoneIndex == t.services.vault.phoneIndex(try PhoneNumber(oldPhone)))
            try await t.send(.GET, "/api/v1/me", token: other.token).requireStatus(.ok)
            #expect(try await t.messages(to: oldPhone).count == smsToOldPhone)
            try await t.signIn(oldPhone, registration.device).requireStatus(.accepted)
            // and the third attempt, with both codes right, still goes through
            try await t.confirmPhoneChange(current, started.challengeId, codes.old, codes.new).requireStatus(.ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func phoneChange_toANumberAnotherUserHas_isRefusedWithoutSayingWhose(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let bobRegistration = Fixtures.registration()
            try await t.registerActive(bobRegistration)
            let aliceRegistration = Fixtures.registration()
            let alice = try await t.registerActive(aliceRegistration)
            let smsToBob = try await t.messages(to: bobRegistration.person.phone).count
            // when
            let response = try await t.send(
                .POST,
                "/api/v1/me/phone-change",
                json: PhoneChangeRequest(phone: bobRegistration.person.phone),
                token: alice.token
            )
            // then
            #expect(response.status == .conflict)
            let problem = try t.problem(response)
            #expect(problem.code == "phone_unavailable")
            #expect(problem.title == t.services.localizer.text("problem.phone_unavailable", .kk))
            #expect(!response.body.string.contains(bobRegistration.person.fullName) && !response.body.string.contains("***"))
            #expect(try await t.messages(to: bobRegistration.person.phone).count == smsToBob)
            #expect(try await t.me(alice).phoneMasked == (try PhoneNumber(aliceRegistration.person.phone).masked))
        }
    }

    @Test(arguments: TestDatabase.all)
    func phoneChange_toANumberTakenBeforeConfirming_isRefused_andChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given Alice asks for a free number, then Carol registers with it
            let aliceRegistration = Fixtures.registration()
            let alice = try await t.registerActive(aliceRegistration)
            let newPhone = Fixtures.phone()
            let started = try await t.startPhoneChange(alice, to: newPhone)
            let codes = (old: try await t.latestCode(to: aliceRegistration.person.phone), new: try await t.latestCode(to: newPhone))
            try await t.registerActive(Fixtures.registration(phone: newPhone))
            // when
            let response = try await t.confirmPhoneChange(alice, started.challengeId, codes.old, codes.new)
            // then
            #expect(try t.problem(response).code == "phone_unavailable")
            let user = try #require(try await User.find(alice.user.id, on: t.db))
            #expect(user.phoneIndex == t.services.vault.phoneIndex(try PhoneNumber(aliceRegistration.person.phone)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func phoneChange_badOrSameNumber_isRejectedPerField_andSendsNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let smsCount = try await SMSMessage.query(on: t.db).count()
            let cases = [("+7 727 123 45 67", "not_mobile"), ("+7701", "wrong_length"), (registration.person.phone, "unchanged")]
            for (phone, code) in cases {
                let response = try await t.send(.POST, "/api/v1/me/phone-change", json: PhoneChangeRequest(phone: phone), token: grant.token)
                #expect(response.status == .unprocessableEntity)
                #expect(try t.problem(response).errors?.map(\.field) == ["phone"])
                #expect(try t.problem(response).errors?.map(\.code) == [code])
            }
            #expect(try await SMSMessage.query(on: t.db).count() == smsCount)
        }
    }
}

extension TestHarness {
    func signIn(_ phone: String, _ device: DeviceDescriptor) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/auth/sign-in", json: SignInRequest(phone: phone, password: Fixtures.password, device: device))
    }

    func startPhoneChange(_ grant: SessionGrant, to phone: String) async throws -> PhoneChangeStarted {
        let response = try await send(.POST, "/api/v1/me/phone-change", json: PhoneChangeRequest(phone: phone), token: grant.token)
        return try response.requireStatus(.accepted).content.decode(PhoneChangeStarted.self)
    }

    func confirmPhoneChange(_ grant: SessionGrant, _ challengeID: UUID, _ fromOld: String, _ fromNew: String) async throws -> TestingHTTPResponse {
        let answer = PhoneChangeConfirmation(challengeId: challengeID, codeFromOldPhone: fromOld, codeFromNewPhone: fromNew)
        return try await send(.POST, "/api/v1/me/phone-change/confirm", json: answer, token: grant.token)
    }
}
