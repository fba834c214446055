import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Company-scoped authorization on every endpoint (issue 3): a user of company B, knowing every id of
/// company A (id guessing at its best), gets 404 everywhere and changes nothing.
@Suite("Authorization across companies")
struct AuthorizationTests {
    @Test(arguments: TestDatabase.all)
    func anotherCompanysUser_getsNotFound_onEveryCompanyEndpoint_andChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: company A with an account, a draft payment, a beneficiary, a template, a payroll
            let a = try await t.paymentCompany()
            let b = try await t.paymentCompany()
            let order = t.order(from: a.main, to: a.second, amount: "10")
            let payment = try await t.send(.POST, "/api/v1/companies/\(a.id)/payments", json: order, token: a.operatorUser.token)
                .content.decode(PaymentOrderView.self)
            let beneficiary = try #require(
                try await t.send(
                    .POST,
                    "/api/v1/payments/\(payment.id)/beneficiary",
                    json: SaveFromPaymentRequest(name: "X"),
                    token: a.operatorUser.token
                ).content.decode(BeneficiaryView.self).id
            )
            let template = try #require(
                try await t.send(
                    .POST,
                    "/api/v1/payments/\(payment.id)/template",
                    json: SaveFromPaymentRequest(name: "T"),
                    token: a.operatorUser.token
                )
                .content.decode(TemplateView.self).id
            )
            let payroll = try await t.send(
                .POST,
                "/api/v1/companies/\(a.id)/payrolls",
                json: PayrollUpload(payerAccount: a.main.iban, number: "1", knp: "332", csv: "Асель;\(Fixtures.iin().value);\(a.second.iban);10"),
                token: a.accountant.token
            ).content.decode(PayrollView.self).id
            let invitation = try await t.sendConfirmed(
                .POST,
                "/api/v1/companies/\(a.id)/invitations",
                json: EmployeeTests.invitation(),
                token: a.director.token
            ).content.decode(EmployeeInvitationView.self).id
            let account = try a.main.requireID()
            let answer = OtpAnswer(challengeId: UUID(), code: "123456")
            let calls: [(HTTPMethod, String, (any Encodable)?)] = [
                (.GET, "/api/v1/companies/\(a.id)/accounts", nil), (.POST, "/api/v1/companies/\(a.id)/accounts", OpenAccountRequest(currency: "USD")),
                (.GET, "/api/v1/accounts/\(account)", nil), (.GET, "/api/v1/accounts/\(account)/statement", nil),
                (.GET, "/api/v1/accounts/\(account)/statement/export?format=1c", nil),
                (.POST, "/api/v1/companies/\(a.id)/payments", order), (.GET, "/api/v1/companies/\(a.id)/payments", nil),
                (.GET, "/api/v1/payments/\(payment.id)", nil), (.PUT, "/api/v1/payments/\(payment.id)", order),
                (.POST, "/api/v1/payments/\(payment.id)/sign", nil), (.POST, "/api/v1/payments/\(payment.id)/confirm", answer),
                (.GET, "/api/v1/payments/\(payment.id)/receipt", nil),
                (.POST, "/api/v1/payments/\(payment.id)/reject", RejectPaymentRequest(reason: "not ours")),
                (.POST, "/api/v1/payments/\(payment.id)/beneficiary", SaveFromPaymentRequest(name: "Y")),
                (.POST, "/api/v1/payments/\(payment.id)/template", SaveFromPaymentRequest(name: "Y")),
                (.POST, "/api/v1/companies/\(a.id)/payments/sign", BasketSignRequest(paymentIds: [payment.id])),
                (.POST, "/api/v1/companies/\(a.id)/payments/confirm", BasketConfirmRequest(paymentIds: [payment.id], challengeId: UUID(), code: "1")),
                (.GET, "/api/v1/companies/\(a.id)/limits", nil),
                (.PUT, "/api/v1/companies/\(a.id)/limits", PaymentLimitView(userId: nil, currency: "KZT", perPayment: 1, daily: nil)),
                (.GET, "/api/v1/companies/\(a.id)/signing-rule", nil),
                (.PUT, "/api/v1/companies/\(a.id)/signing-rule", SigningRuleView(dualSignatureAbove: 1)),
                (.GET, "/api/v1/companies/\(a.id)/beneficiaries", nil),
                (
                    .POST, "/api/v1/companies/\(a.id)/beneficiaries",
                    BeneficiaryView(name: "Z", taxId: Fixtures.bin().value, iban: a.second.iban, bic: "TSESKZKA", kbe: "17")
                ),
                (
                    .PUT, "/api/v1/beneficiaries/\(beneficiary)",
                    BeneficiaryView(name: "Z", taxId: Fixtures.bin().value, iban: a.second.iban, bic: "TSESKZKA", kbe: "17")
                ),
                (.DELETE, "/api/v1/beneficiaries/\(beneficiary)", nil), (.GET, "/api/v1/companies/\(a.id)/templates", nil),
                (.POST, "/api/v1/companies/\(a.id)/templates", TemplateView(name: "Z", order: order)),
                (.PUT, "/api/v1/templates/\(template)", TemplateView(name: "Z", order: order)), (.DELETE, "/api/v1/templates/\(template)", nil),
                (
                    .POST, "/api/v1/companies/\(a.id)/payrolls",
                    PayrollUpload(payerAccount: a.main.iban, number: "2", knp: "332", csv: "Б;\(Fixtures.iin().value);\(a.second.iban);1")
                ),
                (.GET, "/api/v1/payrolls/\(payroll)", nil), (.POST, "/api/v1/payrolls/\(payroll)/sign", nil),
                (.POST, "/api/v1/payrolls/\(payroll)/confirm", answer),
                (
                    .POST, "/api/v1/companies/\(a.id)/service-payments",
                    ServicePaymentRequest(payerAccount: a.main.iban, phone: "+77011234567", amount: "1")
                ),
                (.POST, "/api/v1/companies/\(a.id)/invitations", EmployeeTests.invitation()), (.GET, "/api/v1/companies/\(a.id)/invitations", nil),
                (.DELETE, "/api/v1/companies/\(a.id)/invitations/\(invitation)", nil), (.GET, "/api/v1/companies/\(a.id)/employees", nil),
                (.PUT, "/api/v1/companies/\(a.id)/employees/\(a.accountant.user.id)", EmployeeRoleChange(role: "viewer")),
                (.DELETE, "/api/v1/companies/\(a.id)/employees/\(a.accountant.user.id)", nil),
                (.POST, "/api/v1/me/invitations/\(invitation)/accept", nil), (.POST, "/api/v1/me/invitations/\(invitation)/decline", nil),
            ]
            // when
            for (method, path, body) in calls {
                let response = try await t.send(method, path, json: body, token: b.director.token)
                // then
                #expect(response.status == .notFound, "\(method) \(path) answered \(response.status)")
            }
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 1)
            #expect(try await PaymentSignature.query(on: t.db).count() == 0)
            #expect(try await SavedBeneficiary.query(on: t.db).count() == 1)
            #expect(try await PaymentTemplate.query(on: t.db).count() == 1)
            #expect(try await Payroll.query(on: t.db).count() == 1)
            #expect(try await PaymentLimit.query(on: t.db).count() == 0)
            #expect(try await Company.find(a.id, on: t.db)?.dualSignatureThreshold == nil)
            #expect(try await Account.query(on: t.db).filter(\.$company.$id == a.id).count() == 2)
            #expect(try await EmployeeInvitation.query(on: t.db).filter(\.$status == .pending).count() == 1)
            #expect(try await Membership.query(on: t.db).filter(\.$company.$id == a.id).count() == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signingRule_isSetByTheDirector_andApplies(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let refused = try await t.send(
                .PUT,
                "/api/v1/companies/\(company.id)/signing-rule",
                json: SigningRuleView(dualSignatureAbove: 100_00),
                token: company.accountant.token
            )
            #expect(refused.status == .forbidden)
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/signing-rule",
                json: SigningRuleView(dualSignatureAbove: 100_00),
                token: company.director.token
            )
            .requireStatus(.ok)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100.01"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).content.decode(SignOutcome.self)
            #expect(signed.order.status == "awaiting_signatures")
        }
    }
}
