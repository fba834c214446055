import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10 (review H3): a stolen director session cannot change who controls the company's money.
@Suite("Step-up for control changes")
struct StepUpTests {
    @Test(arguments: TestDatabase.all)
    func aSessionAlone_changesNothing_theCodeIsBoundToTheChange_andSignersAreTold(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(dualThreshold: 1_000_00)
            let path = "/api/v1/companies/\(company.id)/signing-rule"
            let loosen = SigningRuleView(dualSignatureAbove: nil, authorMaySignAlone: true)
            // with the session alone: a code goes to the director's phone and nothing changes
            let first = try await t.send(.PUT, path, json: loosen, token: company.director.token)
            #expect(first.status == .accepted)
            let challenge = try first.content.decode(OtpChallengeResponse.self)
            #expect(try await Company.find(company.id, on: t.db)?.dualSignatureThreshold == 1_000_00)
            let code = try await t.latestCode(to: company.directorPhone)
            // the code is bound to this change: another body with it is refused
            let other = try await t.send(
                .PUT,
                path,
                json: SigningRuleView(dualSignatureAbove: 5, authorMaySignAlone: true),
                token: company.director.token,
                headers: [(StepUp.challengeHeader, challenge.challengeId.uuidString), (StepUp.codeHeader, code)]
            )
            #expect(try t.problem(other).code == "otp_invalid")
            #expect(try await Company.find(company.id, on: t.db)?.dualSignatureThreshold == 1_000_00)
            // a wrong code, an invitation without one: nothing
            let invite = EmployeeInvitationRequest(
                fullName: "Айгерим Садыкова",
                iin: Fixtures.iin().value,
                phone: Fixtures.phone(),
                email: "a@example.kz",
                role: "director"
            )
            let invited = try await t.send(.POST, "/api/v1/companies/\(company.id)/invitations", json: invite, token: company.director.token)
            #expect(invited.status == .accepted)
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 0)
            // with a fresh code the change is made, and the accountant hears of it by SMS and in the inbox
            try await t.sendConfirmed(.PUT, path, json: loosen, token: company.director.token).requireStatus(.ok)
            #expect(try await Company.find(company.id, on: t.db)?.dualSignatureThreshold == nil)
            let accountant = try #require(try await User.find(company.accountant.user.id, on: t.db))
            let accountantPhone = try await t.services.vault.open(accountant, on: t.db).phone.value
            #expect(try await t.messages(to: accountantPhone).contains { $0.contains("7711") })
            let inbox = try await t.send(.GET, "/api/v1/me/inbox", token: company.accountant.token, language: "en").content.decode(InboxPage.self)
            #expect(inbox.items.contains { $0.title == "Company settings changed" })
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInput_isRefusedBeforeAnyCodeIsSent(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let before = try await t.messages(to: company.directorPhone).count
            let bad = try await t.send(
                .PUT,
                "/api/v1/companies/\(company.id)/limits",
                json: PaymentLimitView(userId: nil, currency: "XXX", perPayment: -1, daily: nil),
                token: company.director.token
            )
            #expect(bad.status == .unprocessableEntity)
            let asAccountant = try await t.send(
                .PUT,
                "/api/v1/companies/\(company.id)/security-settings",
                json: CompanySecuritySettings(allowedCountries: ["KZ", "GE"]),
                token: company.accountant.token
            )
            #expect(asAccountant.status == .forbidden)
            #expect(try await t.messages(to: company.directorPhone).count == before)
        }
    }

    /// Issue 10: a stolen session alone can neither change the password (even knowing it) nor start moving the e-mail.
    @Test(arguments: TestDatabase.all)
    func aPasswordOrEmailChange_needsACodeToThePhone_first(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let password = PasswordChangeRequest(currentPassword: Fixtures.password, newPassword: "Another-Steppe-Ledger-77")
            let email = EmailChangeRequest(email: "new.\(Fixtures.digits(5))@example.kz")
            for (path, body) in [("/api/v1/me/password", password as any Encodable), ("/api/v1/me/email-change", email)] {
                let first = try await t.send(.POST, path, json: body, token: grant.token)
                #expect(first.status == .accepted)
                let challenge = try #require(try await OtpChallenge.find(try first.content.decode(OtpChallengeResponse.self).challengeId, on: t.db))
                #expect(challenge.purpose == .controlChange)
                // a code for one change does not make another
                let code = try await t.latestCode(to: registration.person.phone)
                let other = try await t.send(
                    .POST,
                    path == "/api/v1/me/password" ? "/api/v1/me/email-change" : "/api/v1/me/password",
                    json: path == "/api/v1/me/password" ? email as any Encodable : password,
                    token: grant.token,
                    headers: [(StepUp.challengeHeader, try challenge.requireID().uuidString), (StepUp.codeHeader, code)]
                )
                #expect(other.status == .unprocessableEntity)
            }
            #expect(try await EmailMessage.query(on: t.db).count() == 0)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(try await t.services.verifyPassword(Fixtures.password, hash: user.passwordHash))
        }
    }
}
