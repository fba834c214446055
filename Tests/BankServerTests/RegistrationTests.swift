import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Onboarding (§2.2.6, §6.2, §1.2)")
struct RegistrationTests {
    @Test(arguments: TestDatabase.all)
    func registration_withValidData_becomesActiveDirectorAfterSMSCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let request = Fixtures.registration()
            // when
            let started = try await t.send(.POST, "/api/v1/registrations", json: request)
            // then: pending until the phone is verified
            #expect(started.status == .accepted)
            let pending = try await User.query(on: t.db).all()
            #expect(pending.map(\.status) == [.pending])
            let challenge = try started.content.decode(OtpChallengeResponse.self)
            let code = try await t.latestCode(to: request.person.phone)
            let verified = try await t.send(.POST, "/api/v1/registrations/verify", json: OtpAnswer(challengeId: challenge.challengeId, code: code))
            #expect(verified.status == .created)
            let grant = try verified.content.decode(SessionGrant.self)
            #expect(grant.user.status == "active")
            #expect(grant.user.companies.map(\.role) == ["director"])
            #expect(grant.user.companies.first?.bin == request.company.bin)
            #expect(grant.user.fullName == request.person.fullName)
            let me = try await t.send(.GET, "/api/v1/me", token: grant.token)
            #expect(me.status == .ok)
            // §2.3.5: the e-mail is shown only once the `email_display` consent is given
            #expect(try me.content.decode(UserProfile.self).email == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_recordsPolicyAcceptanceAndAccountConsent(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let request = Fixtures.registration()
            try await t.send(.POST, "/api/v1/registrations", json: request, ip: "192.0.2.7").requireStatus(.accepted)
            let acceptance = try #require(try await PolicyAcceptance.query(on: t.db).with(\.$edition).first())
            #expect(acceptance.edition.version == 1)
            #expect(acceptance.ip == "192.0.2.7")
            #expect(acceptance.deviceInstallationID == request.device.id)
            #expect(acceptance.acceptedAt == t.clock.now())
            let consent = try #require(try await Consent.query(on: t.db).first())
            #expect(consent.purpose == "account_creation")
            #expect(consent.operatorName == t.services.config.operatorName)
            #expect(consent.thirdParty == false && consent.crossBorder == false)
            #expect(consent.channel == "mobile_app")
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_withInvalidFields_reportsEveryField_andStoresNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: every field wrong at once
            var request = Fixtures.registration()
            request.company.bin = "123456789012"
            request.company.name = "  "
            request.person.iin = "991332300001"
            request.person.phone = "+7 495 123 45 67"
            request.person.email = "not-an-email"
            request.password = "short"
            request.acceptPolicy = false
            request.consentToAccountCreation = false
            request.device.platform = "symbian"
            // when
            let response = try await t.send(.POST, "/api/v1/registrations", json: request, language: "en")
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try t.problem(response)
            #expect(problem.code == "validation_failed")
            let fields = Dictionary(uniqueKeysWithValues: (problem.errors ?? []).map { ($0.field, $0.code) })
            #expect(fields["company.bin"] != nil)
            #expect(fields["company.name"] == "required")
            #expect(fields["person.iin"] != nil)
            #expect(fields["person.phone"] == "not_mobile")
            #expect(fields["person.email"] == "invalid_format")
            #expect(fields["password"] == "too_short")
            #expect(fields["acceptPolicy"] == "must_be_true")
            #expect(fields["consentToAccountCreation"] == "must_be_true")
            #expect(fields["device.platform"] == "invalid_value")
            #expect(problem.errors?.allSatisfy { !$0.message.isEmpty && $0.message != "field.\($0.code)" } == true)
            #expect(try await User.query(on: t.db).count() == 0)
            #expect(try await Company.query(on: t.db).count() == 0)
            #expect(try await Consent.query(on: t.db).count() == 0)
            #expect(try await SMSMessage.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: [
        ("7011234567-Steppe", "contains_personal_data"),
        ("IIN-{iin}-Steppe", "contains_personal_data"),
        ("qwertyuiop12", "too_common"),
        ("password1234", "too_common"),
        ("Eleven-char", "too_short"),
    ])
    func registration_weakPassword_isRejectedWithItsReason(_ password: String, _ expected: String) async throws {
        try await withApp(.sqlite) { t in
            var request = Fixtures.registration(phone: "+77011234567")
            request.password = password.replacingOccurrences(of: "{iin}", with: request.person.iin)
            let response = try await t.send(.POST, "/api/v1/registrations", json: request)
            #expect(response.status == .unprocessableEntity)
            #expect(try t.problem(response).errors?.first { $0.field == "password" }?.code == expected)
            #expect(try await User.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_withSuperseededEdition_isRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: edition 2 is in force
            let edition = PolicyEdition()
            edition.version = 2
            edition.title = "v2"
            edition.textKk = "…"
            edition.publishedAt = t.clock.now().addingTimeInterval(-60)
            edition.effectiveAt = t.clock.now().addingTimeInterval(-60)
            edition.lastUpdated = "2026-09-01"
            try await edition.create(on: t.db)
            // when: the app still shows edition 1
            let response = try await t.send(.POST, "/api/v1/registrations", json: Fixtures.registration())
            // then
            #expect(response.status == .conflict)
            #expect(try t.problem(response).code == "policy_edition_outdated")
            #expect(try await User.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_withKnownPhone_answersTheSame_andWarnsTheOwner(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let first = Fixtures.registration()
            try await t.registerActive(first)
            // when: someone else registers with the same phone
            let second = Fixtures.registration(phone: first.person.phone)
            let response = try await t.send(.POST, "/api/v1/registrations", json: second)
            // then: the same answer shape, no code sent, the owner is told
            #expect(response.status == .accepted)
            let challenge = try response.content.decode(OtpChallengeResponse.self)
            let texts = try await t.messages(to: first.person.phone)
            #expect(texts.count == 2)
            #expect(texts.last?.contains("#") == false)
            #expect(texts.last?.contains("7711") == true)
            for guess in ["000000", "123456"] {
                let verified = try await t.send(
                    .POST,
                    "/api/v1/registrations/verify",
                    json: OtpAnswer(challengeId: challenge.challengeId, code: guess)
                )
                #expect(verified.status == .unprocessableEntity)
            }
            #expect(try await User.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func registration_withRegisteredBIN_isConflict(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let first = Fixtures.registration()
            try await t.registerActive(first)
            let response = try await t.send(.POST, "/api/v1/registrations", json: Fixtures.registration(bin: first.company.bin))
            #expect(response.status == .conflict)
            #expect(try t.problem(response).code == "company_already_registered")
            #expect(try await Company.query(on: t.db).count() == 1)
        }
    }
}

extension TestingHTTPResponse {
    @discardableResult
    func requireStatus(_ status: HTTPResponseStatus, sourceLocation: SourceLocation = #_sourceLocation) throws -> TestingHTTPResponse {
        guard self.status == status else {
            Issue.record("expected \(status), got \(self.status): \(body.string)", sourceLocation: sourceLocation)
            throw TestFailure("unexpected status \(self.status)")
        }
        return self
    }
}

/// Review M13: nobody holds a BIN, phone or IIN by never finishing a registration.
@Suite("Unfinished registrations")
struct UnfinishedRegistrationTests {
    @Test(arguments: TestDatabase.all)
    func anUnfinishedRegistration_expiresWithItsCode_andFreesTheBINAndPhone(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let squatted = Fixtures.registration()
            try await t.send(.POST, "/api/v1/registrations", json: squatted).requireStatus(.accepted)
            // while the code lives, the BIN is taken
            var again = Fixtures.registration()
            again.company.bin = squatted.company.bin
            #expect(try t.problem(try await t.send(.POST, "/api/v1/registrations", json: again)).code == "company_already_registered")
            t.clock.advance(seconds: Double(t.services.security.otpLifetimeSeconds) + 1)
            // the real company, with the same BIN and the phone the squatter named, registers and finishes
            var real = Fixtures.registration()
            real.company.bin = squatted.company.bin
            real.person.phone = squatted.person.phone
            let grant = try await t.registerActive(real)
            #expect(grant.user.companies.count == 1)
            #expect(try await Company.query(on: t.db).count() == 1)
            #expect(try await User.query(on: t.db).count() == 1)
            // and the retention job finds nothing left
            #expect(try await RetentionJob(services: t.services).run(dryRun: true, on: t.db)["pending_registrations"] == 0)
        }
    }
}

/// Review M4: the BIN must not tell whether the phone or IIN of an earlier registration was already a client.
@Suite("Registration enumeration")
struct RegistrationEnumerationTests {
    /// Registers with the target's phone or IIN and a fresh BIN, then probes that BIN from another phone.
    private func probe(_ t: TestHarness, first: RegistrationRequest) async throws -> (status: HTTPResponseStatus, code: String?, smsToProber: Int) {
        try await t.send(.POST, "/api/v1/registrations", json: first).requireStatus(.accepted)
        var prober = Fixtures.registration()
        prober.company.bin = first.company.bin
        let response = try await t.send(.POST, "/api/v1/registrations", json: prober)
        return (response.status, try? t.problem(response).code, try await t.messages(to: prober.person.phone).count)
    }

    @Test(arguments: TestDatabase.all)
    func aSecondRegistrationWithTheSameBIN_answersTheSame_whetherThePhoneOrIINWasKnownOrNot(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let client = Fixtures.registration()
            try await t.registerActive(client)
            var knownPhone = Fixtures.registration()
            knownPhone.person.phone = client.person.phone
            var knownIIN = Fixtures.registration()
            knownIIN.person.iin = client.person.iin
            let answers = [
                try await probe(t, first: Fixtures.registration()), try await probe(t, first: knownPhone), try await probe(t, first: knownIIN),
            ]
            #expect(answers.allSatisfy { $0.status == .conflict && $0.code == "company_already_registered" && $0.smsToProber == 0 })
            // once the codes have expired, every one of those BINs is free again, alike
            t.clock.advance(seconds: Double(t.services.security.otpLifetimeSeconds) + 1)
            var late = Fixtures.registration()
            late.company.bin = knownPhone.company.bin
            try await t.send(.POST, "/api/v1/registrations", json: late).requireStatus(.accepted)
        }
    }
}
