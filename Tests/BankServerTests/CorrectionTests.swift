import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §4.1 "the user may change (update, complete) all or part of their personal data at any time": the name at
/// once, the e-mail and the phone only once the codes sent to them come back; bad input changes nothing.
@Suite("Correction of personal data (§4.1)")
struct CorrectionTests {
    // MARK: - Name

    @Test(arguments: TestDatabase.all)
    func nameChange_reencryptsTheName_andAuditsWithoutIt(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let grant = try await t.registerActive()
            let before = try #require(try await User.find(grant.user.id, on: t.db))
            // when
            let response = try await t.send(.PATCH, "/api/v1/me/profile", json: ProfileUpdate(fullName: "  Айгерім Серікқызы  "), token: grant.token)
            // then
            #expect(try response.requireStatus(.ok).content.decode(UserProfile.self).fullName == "Айгерім Серікқызы")
            #expect(try await t.me(grant).fullName == "Айгерім Серікқызы")
            let after = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(after.fullName != before.fullName)
            #expect(after.emailIndex == before.emailIndex && after.phoneIndex == before.phoneIndex && after.iinIndex == before.iinIndex)
            #expect(try await t.auditEvents().contains("profile.name_changed"))
            let audit = try await AuditEntry.query(on: t.db).filter(\.$event == "profile.name_changed").all()
            #expect(audit.map(\.details) == ["{}"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func nameChange_blankTooLongOrMissing_isRejectedPerField_andChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            for (name, code) in [("   ", "required"), (String(repeating: "Ә", count: 201), "too_long")] {
                let response = try await t.send(.PATCH, "/api/v1/me/profile", json: ProfileUpdate(fullName: name), token: grant.token, language: "ru")
                #expect(response.status == .unprocessableEntity)
                let problem = try t.problem(response)
                #expect(problem.code == "validation_failed")
                #expect(problem.title == t.services.localizer.text("problem.validation_failed", .ru))
                #expect(problem.errors?.map(\.field) == ["fullName"])
                #expect(problem.errors?.map(\.code) == [code])
            }
            let missing = try await t.send(.PATCH, "/api/v1/me/profile", json: ["name": "Асель"], token: grant.token)
            #expect(try t.problem(missing).errors?.map(\.code) == ["required"])
            #expect(try await t.send(.PATCH, "/api/v1/me/profile", json: ProfileUpdate(fullName: "Асель")).status == .unauthorized)
            #expect(try await t.me(grant).fullName == registration.person.fullName)
        }
    }

    // MARK: - E-mail

    @Test(arguments: TestDatabase.all)
    func emailChange_changesTheAddressAndItsIndex_onlyWhenTheCodeSentThereComesBack(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.allowEmailDisplay(grant)  // §2.3.5: the profile shows the e-mail only with this consent
            let newEmail = "new.\(Fixtures.digits(6))@example.kz"
            // when
            let started = try await t.startEmailChange(grant, to: newEmail)
            // then nothing has changed yet
            #expect(started.emailMasked == "n***@example.kz")
            #expect(try await t.me(grant).email == registration.person.email)
            let code = try await t.emailCode(to: newEmail)
            #expect(try await t.messages(to: registration.person.phone).allSatisfy { !$0.contains(code) })
            // when
            let confirmed = try await t.confirmEmailChange(grant, started.challengeId, code)
            // then
            #expect(try confirmed.requireStatus(.ok).content.decode(UserProfile.self).email == newEmail)
            #expect(try await t.me(grant).email == newEmail)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(user.emailIndex == t.services.vault.emailIndex(try EmailAddress(newEmail)))
            #expect(try await t.messages(to: registration.person.phone).last == t.services.localizer.text("sms.security.email_changed", .kk))
            #expect(try await t.auditEvents().contains("profile.email_changed"))
            // and the code is single use
            #expect(try t.problem(try await t.confirmEmailChange(grant, started.challengeId, code)).code == "otp_invalid")
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailChange_wrongCode_changesNothing_andThreeTriesVoidTheChallenge(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.allowEmailDisplay(grant)
            let newEmail = "wrong.\(Fixtures.digits(6))@example.kz"
            let started = try await t.startEmailChange(grant, to: newEmail)
            let code = try await t.emailCode(to: newEmail)
            let wrong = code == "000000" ? "111111" : "000000"
            let first = try await t.confirmEmailChange(grant, started.challengeId, wrong)
            #expect(first.status == .unprocessableEntity)
            #expect(try t.problem(first).code == "otp_invalid")
            #expect(try t.problem(try await t.confirmEmailChange(grant, started.challengeId, wrong)).code == "otp_invalid")
            #expect(try t.problem(try await t.confirmEmailChange(grant, started.challengeId, wrong)).code == "otp_exhausted")
            #expect(try t.problem(try await t.confirmEmailChange(grant, started.challengeId, code)).code == "otp_exhausted")
            #expect(try await t.me(grant).email == registration.person.email)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailChange_expiredCode_changesNothing(_ database: TestDatabase) async throws {
        // The session may idle longer than the code lives, so the code's own five minutes are what runs out.
        try await withApp(database, adjust: .set { $0.security.sessionIdleSeconds = 900 }) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.allowEmailDisplay(grant)
            let newEmail = "late.\(Fixtures.digits(6))@example.kz"
            let started = try await t.startEmailChange(grant, to: newEmail)
            let code = try await t.emailCode(to: newEmail)
            t.clock.advance(seconds: 301)
            #expect(try t.problem(try await t.confirmEmailChange(grant, started.challengeId, code)).code == "otp_expired")
            #expect(try await t.me(grant).email == registration.person.email)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailChange_codeForAnotherAddressOrAnotherUser_changesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given two pending changes of Alice's and Bob wanting to use one of them
            let registration = Fixtures.registration()
            let alice = try await t.registerActive(registration)
            let bob = try await t.registerActive()
            try await t.allowEmailDisplay(alice)
            try await t.allowEmailDisplay(bob)
            let first = "first.\(Fixtures.digits(6))@example.kz"
            let second = "second.\(Fixtures.digits(6))@example.kz"
            let toFirst = try await t.startEmailChange(alice, to: first)
            let toSecond = try await t.startEmailChange(alice, to: second)
            let firstCode = try await t.emailCode(to: first)
            try #require(firstCode != (try await t.emailCode(to: second)), "one in a million: both addresses got the same code")
            // when / then: the first address' code does not prove the second address
            #expect(try t.problem(try await t.confirmEmailChange(alice, toSecond.challengeId, firstCode)).code == "otp_invalid")
            // when / then: Bob cannot use Alice's challenge, even with its code
            #expect(try t.problem(try await t.confirmEmailChange(bob, toFirst.challengeId, firstCode)).code == "otp_invalid")
            #expect(try await t.me(alice).email == registration.person.email)
            #expect(try await t.me(bob).email != first)
            // and the code still proves the address it was sent to
            try await t.confirmEmailChange(alice, toFirst.challengeId, firstCode).requireStatus(.ok)
            #expect(try await t.me(alice).email == first)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailChange_badOrSameAddress_isRejected_sendsNothing_andTheCodeIsNeverResentBySMS(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            for (email, code) in [("not-an-address", "invalid_format"), ("  ", "required"), (registration.person.email, "unchanged")] {
                let response = try await t.send(.POST, "/api/v1/me/email-change", json: EmailChangeRequest(email: email), token: grant.token)
                #expect(response.status == .unprocessableEntity)
                #expect(try t.problem(response).errors?.map(\.field) == ["email"])
                #expect(try t.problem(response).errors?.map(\.code) == [code])
            }
            #expect(try await EmailMessage.query(on: t.db).count() == 0)
            let started = try await t.startEmailChange(grant, to: "resend.\(Fixtures.digits(6))@example.kz")
            let smsBefore = try await t.messages(to: registration.person.phone).count
            t.clock.advance(seconds: 61)  // past the resend gap, so only the purpose refuses
            let resend = try await t.send(.POST, "/api/v1/otp/resend", json: ResendRequest(challengeId: started.challengeId))
            #expect(resend.status == .notFound)
            #expect(try await t.messages(to: registration.person.phone).count == smsBefore)
        }
    }

    @Test
    func correctionMessages_areLocalisedInEveryLanguage() throws {
        let localizer = try Localizer.bundled()
        let keys = [
            "problem.phone_unavailable", "field.unchanged", "email.otp.email_change.subject", "email.otp.email_change.body",
            "sms.otp.phone_change_old", "sms.otp.phone_change_new", "sms.security.phone_changed", "sms.security.email_changed",
        ]
        for key in keys {
            let texts = Language.allCases.map { localizer.text(key, $0) }
            #expect(texts.allSatisfy { $0 != key && !$0.isEmpty }, "\(key) is not localised")
            #expect(Set(texts).count == Language.allCases.count, "\(key) is not translated into every language")
        }
    }
}

extension TestHarness {
    func me(_ grant: SessionGrant) async throws -> UserProfile {
        try await send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok).content.decode(UserProfile.self)
    }

    /// §2.3.5: the `email_display` consent, without which the profile leaves the e-mail out.
    func allowEmailDisplay(_ grant: SessionGrant) async throws {
        try await send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "email_display"), token: grant.token)
            .requireStatus(.created)
    }

    func startEmailChange(_ grant: SessionGrant, to email: String) async throws -> EmailChangeStarted {
        let response = try await sendConfirmed(.POST, "/api/v1/me/email-change", json: EmailChangeRequest(email: email), token: grant.token)
        return try response.requireStatus(.accepted).content.decode(EmailChangeStarted.self)
    }

    func confirmEmailChange(_ grant: SessionGrant, _ challengeID: UUID, _ code: String) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/me/email-change/confirm", json: OtpAnswer(challengeId: challengeID, code: code), token: grant.token)
    }

    /// The code in the newest e-mail to `address`, read the way a developer would: from `/dev/email`.
    func emailCode(to address: String) async throws -> String {
        let query = address.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: ".-_"))) ?? address
        let listing = try await send(.GET, "/dev/email?to=\(query)").requireStatus(.ok).content.decode(DevController.EmailListing.self)
        guard let text = listing.items.first?.text, let match = text.firstMatch(of: /\d{6}/) else {
            throw TestFailure("no code was e-mailed to the address")
        }
        return String(match.output)
    }
}
