import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Review M5: invitation activation tells nobody which phones are invited or what the invited IIN is; only the
/// holder of the right code learns that the password contains the IIN, and the code stays usable.
@Suite("Invitation activation enumeration")
struct InvitationEnumerationTests {
    private func activate(_ t: TestHarness, phone: String) async throws -> UUID {
        try await t.send(.POST, "/api/v1/invitations/activate", json: InvitationActivationStart(phone: phone, device: Fixtures.device()))
            .requireStatus(.accepted).content.decode(OtpChallengeResponse.self).challengeId
    }

    private func answer(
        _ t: TestHarness,
        _ challenge: UUID,
        code: String = "123456",
        password: String,
        acceptPolicy: Bool = true
    ) async throws
        -> (status: HTTPResponseStatus, code: String?, fields: [String])
    {
        var body = EmployeeTests.activation(challenge, code: code, password: password)
        body.acceptPolicy = acceptPolicy
        let response = try await t.send(.POST, "/api/v1/invitations/activate/verify", json: body)
        let isProblem = response.headers.contentType?.description.hasPrefix("application/problem+json") == true
        let problem = isProblem ? try? t.problem(response) : nil
        return (response.status, problem?.code, problem?.errors?.map { "\($0.field):\($0.code)" } ?? [])
    }

    @Test(arguments: TestDatabase.all)
    func aDecoyAndARealInvitation_answerAlike_untilTheCodeIsRight(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let invited = EmployeeTests.invitation()
            try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: invited, token: company.director.token)
                .requireStatus(.created)
            let users = try await User.query(on: t.db).count()
            let real = try await activate(t, phone: invited.phone)
            let decoy = try await activate(t, phone: Fixtures.phone())
            // a weak password: the same problem document
            #expect(try await answer(t, real, password: "short") == (try await answer(t, decoy, password: "short")))
            // the invited IIN in the password, with the policy not accepted: only the acceptance is named
            let withIIN = "Steppe-\(invited.iin)-Wind"
            let realIIN = try await answer(t, real, password: withIIN, acceptPolicy: false)
            #expect(realIIN.fields == ["acceptPolicy:must_be_true"])
            #expect(realIIN == (try await answer(t, decoy, password: withIIN, acceptPolicy: false)))
            // with a wrong code, both are the same `otp_invalid`
            let code = try await t.latestCode(to: invited.phone)
            let wrongCode = code == "000000" ? "111111" : "000000"
            #expect(try await answer(t, real, code: wrongCode, password: withIIN).code == "otp_invalid")
            #expect(try await answer(t, decoy, code: wrongCode, password: withIIN).code == "otp_invalid")
            // the invitee, holding the right code, learns the password names their IIN, and may try again
            #expect(try await answer(t, real, code: code, password: withIIN).fields == ["password:contains_personal_data"])
            #expect(try await User.query(on: t.db).count() == users)
            #expect(try await answer(t, real, code: code, password: Fixtures.password).status == .created)
        }
    }
}
