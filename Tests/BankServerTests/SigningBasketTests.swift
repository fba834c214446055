import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Signing basket: one confirmation for several orders")
struct SigningBasketTests {
    private func drafts(_ t: TestHarness, _ company: PaymentCompany, to payee: Account, amounts: [String]) async throws -> [UUID] {
        var ids: [UUID] = []
        for (index, amount) in amounts.enumerated() {
            let input = t.order(from: company.main, to: payee, amount: amount, number: "K\(index)")
            ids.append(
                try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                    .requireStatus(.created).content.decode(PaymentOrderView.self).id
            )
        }
        return ids
    }

    @Test(arguments: TestDatabase.all)
    func basket_isSignedAndConfirmedWithOneCode_andAPoorOrderDoesNotBlockTheOthers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1_000_00)
            let payee = try await t.paymentCompany(funds: 0)
            let ids = try await drafts(t, company, to: payee.main, amounts: ["300", "500", "400"])
            let signed = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/sign",
                json: BasketSignRequest(paymentIds: ids),
                token: company.director.token
            )
            let outcome = try signed.requireStatus(.accepted).content.decode(BasketOutcome.self)
            #expect(outcome.orders.allSatisfy { $0.status == "awaiting_confirmation" })
            let sms = try #require(try await t.messages(to: company.directorPhone).last)
            #expect(sms.contains("1200.00 KZT") && sms.contains("3"))
            #expect(try await t.messages(to: company.directorPhone).filter { $0.contains("#") }.count == 2)  // registration + this one
            let code = try await t.latestCode(to: company.directorPhone)
            let challenge = try #require(outcome.confirmation).challengeId
            let confirmed = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/confirm",
                json: BasketConfirmRequest(paymentIds: ids, challengeId: challenge, code: code),
                token: company.director.token
            ).requireStatus(.ok).content.decode(BasketOutcome.self)
            // 300 + 500 fit into 1000; the third (400) no longer does
            #expect(confirmed.orders.filter { $0.status == "executed" }.count == 2)
            #expect(confirmed.orders.filter { $0.status == "rejected" }.map(\.rejectionCode) == ["insufficient_funds"])
            #expect(try await t.balance(payee.main) + (try await t.balance(company.main)) == 1_000_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func basketCode_isBoundToTheSet_notToASubset(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            let ids = try await drafts(t, company, to: payee.main, amounts: ["1", "2"])
            let outcome = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/sign",
                json: BasketSignRequest(paymentIds: ids),
                token: company.director.token
            ).content.decode(BasketOutcome.self)
            let code = try await t.latestCode(to: company.directorPhone)
            let subset = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/confirm",
                json: BasketConfirmRequest(paymentIds: [ids[0]], challengeId: try #require(outcome.confirmation).challengeId, code: code),
                token: company.director.token
            )
            #expect(try t.problem(subset).code == "otp_invalid")
            #expect(try await t.balance(payee.main) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func basket_withAnotherCompanysOrder_signsNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let other = try await t.paymentCompany()
            let mine = try await drafts(t, company, to: company.second, amounts: ["1"])
            let theirs = try await drafts(t, other, to: other.second, amounts: ["1"])
            let response = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/sign",
                json: BasketSignRequest(paymentIds: mine + theirs),
                token: company.director.token
            )
            #expect(response.status == .unprocessableEntity)
            #expect(try await PaymentSignature.query(on: t.db).count() == 0)
        }
    }
}
