import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10 (review M7, M8): nobody can use up a person's codes, or send bank-branded text through company names
/// and invitations.
@Suite("SMS abuse")
struct SMSAbuseTests {
    @Test(arguments: TestDatabase.all)
    func unauthenticatedReportStarts_doNotStopThePersonConfirmingAPayment(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            for index in 0..<6 {
                _ = try await t.send(
                    .POST,
                    "/api/v1/security/unauthorised-use/start",
                    json: UnauthorisedUseStart(phone: company.directorPhone),
                    ip: "10.9.0.\(index)"
                )
            }
            let order = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: payee.main, amount: "10"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let signed = try await t.send(.POST, "/api/v1/payments/\(order.id)/sign", token: company.director.token)
            #expect(signed.status == .accepted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func companyNames_cannotCarryPhonesLinksOrLineBreaks(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for name in ["Ваш счёт заблокирован, звоните +7 701 555 1234", "ТОО Ромашка\nBizBank", "Visit http://evil.example", "ТОО ww@x"] {
                var registration = Fixtures.registration()
                registration.company.name = name
                let response = try await t.send(.POST, "/api/v1/registrations", json: registration)
                #expect(try t.problem(response).errors?.map(\.field) == ["company.name"], "\(name)")
            }
            var fine = Fixtures.registration()
            fine.company.name = "АО «Kaspi.kz» (филиал №2)"
            #expect(try await t.send(.POST, "/api/v1/registrations", json: fine).status == .accepted)
            #expect(try await Company.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func invitations_areRateLimitedPerCompany(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.security.invitationsPerCompanyPerHour = 3 }) { t in
            let company = try await t.paymentCompany()
            var statuses: [UInt] = []
            for _ in 0..<4 {
                let invitation = EmployeeInvitationRequest(
                    fullName: "Айгерим Садыкова",
                    iin: Fixtures.iin().value,
                    phone: Fixtures.phone(),
                    email: "a\(Fixtures.digits(5))@example.kz",
                    role: "operator"
                )
                statuses.append(
                    try await t.sendConfirmed(.POST, "/api/v1/companies/\(company.id)/invitations", json: invitation, token: company.director.token)
                        .status
                        .code
                )
            }
            #expect(statuses == [201, 201, 201, 429])
            #expect(try await EmployeeInvitation.query(on: t.db).count() == 3)
        }
    }
}
