import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// An order or payroll awaiting its SMS code must never be stuck when the code is lost (a reloaded page, an expired
/// code): a person who signed it signs again and gets a new code; nobody else can, and nothing else changes.
@Suite("A lost confirmation code is sent again to a signer")
struct CodeReissueTests {
    @Test(arguments: TestDatabase.all)
    func aSignerOfACompleteOrder_getsANewCode_andTheOrderExecutesOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(dualThreshold: 100_000_00)
            let payee = try await t.paymentCompany(funds: 0)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: payee.main, amount: "150000"),
                token: company.operatorUser.token
            ).requireStatus(.created).content.decode(PaymentOrderView.self)
            try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token).requireStatus(.ok)
            let first = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.accepted)
                .content.decode(SignOutcome.self)
            #expect(first.order.status == "awaiting_confirmation")
            let lostCode = try await t.latestCode(to: company.directorPhone)
            // the page is reloaded, the challenge is gone: the director signs again and gets a new code
            let again = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.accepted)
                .content.decode(SignOutcome.self)
            let challenge = try #require(again.confirmation)
            #expect(challenge.challengeId != first.confirmation?.challengeId)
            #expect(again.order.signatures.count == 2)
            let newCode = try await t.latestCode(to: company.directorPhone)
            // the accountant signed too, so may ask as well (to their own phone); the operator never signed and may not
            try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token).requireStatus(.accepted)
            let byOperator = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.operatorUser.token)
            #expect(try t.problem(byOperator).code == "signature_not_allowed")
            // the new code confirms; the order moves once
            let wrong = newCode == lostCode ? "000000" : lostCode
            let withOld = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: wrong),
                token: company.director.token
            )
            #expect(withOld.status == .unprocessableEntity)
            try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: newCode),
                token: company.director.token
            ).requireStatus(.ok)
            #expect(try await t.balance(payee.main) == 150_000_00)
            let after = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(try t.problem(after).code == "payment_not_signable")
            #expect(try await t.auditEvents().filter { $0 == "payment.code_reissued" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSignerOfAPayrollAwaitingItsCode_getsANewCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1_000_000_00)
            let staff = try await t.paymentCompany(funds: 0)
            let created = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payrolls",
                json: PayrollUpload(
                    payerAccount: company.main.iban,
                    number: "P-12",
                    knp: "332",
                    csv: "Асель Оспанова;\(Fixtures.iin().value);\(staff.main.iban);1000"
                ),
                token: company.accountant.token
            ).requireStatus(.created).content.decode(PayrollView.self)
            let signed = try await t.send(.POST, "/api/v1/payrolls/\(created.id)/sign", token: company.director.token).requireStatus(.accepted)
                .content.decode(PayrollView.self)
            #expect(signed.status == "awaiting_confirmation")
            // the accountant uploaded it but did not sign: no code for them
            let byAuthor = try await t.send(.POST, "/api/v1/payrolls/\(created.id)/sign", token: company.accountant.token)
            #expect(try t.problem(byAuthor).code == "payment_not_signable")
            let again = try await t.send(.POST, "/api/v1/payrolls/\(created.id)/sign", token: company.director.token).requireStatus(.accepted)
                .content.decode(PayrollView.self)
            let challenge = try #require(again.confirmation)
            #expect(challenge.challengeId != signed.confirmation?.challengeId)
            let done = try await t.send(
                .POST,
                "/api/v1/payrolls/\(created.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: company.directorPhone)),
                token: company.director.token
            ).requireStatus(.ok).content.decode(PayrollView.self)
            #expect(done.lines.map(\.status) == ["paid"])
            #expect(try await t.balance(staff.main) == 1000_00)
        }
    }
}
