import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Payment limits")
struct PaymentLimitTests {
    /// Drafts an own-account transfer by the operator and has the director sign it (which executes it).
    private func pay(_ t: TestHarness, _ company: PaymentCompany, _ amount: String) async throws -> TestingHTTPResponse {
        let draft = try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payments",
            json: t.order(from: company.main, to: company.second, amount: amount),
            token: company.operatorUser.token
        ).requireStatus(.created).content.decode(PaymentOrderView.self)
        return try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
    }

    private func setLimit(
        _ t: TestHarness,
        _ company: PaymentCompany,
        _ limit: PaymentLimitView,
        token: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await t.sendConfirmed(.PUT, "/api/v1/companies/\(company.id)/limits", json: limit, token: token ?? company.director.token)
    }

    @Test(arguments: TestDatabase.all)
    func perPaymentLimit_refusesALargerPayment_andNothingMoves(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            try await setLimit(t, company, PaymentLimitView(userId: nil, currency: "KZT", perPayment: 500_00, daily: nil)).requireStatus(.ok)
            let refused = try await pay(t, company, "500.01")
            #expect(try t.problem(refused).code == "limit_exceeded")
            #expect(try await t.balance(company.second) == 0)
            try await pay(t, company, "500.00").requireStatus(.ok)
            #expect(try await t.balance(company.second) == 500_00)
        }
    }

    @Test(arguments: TestDatabase.all)
    func personalDailyLimit_appliesToItsEmployeesPayments(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let limit = PaymentLimitView(userId: company.operatorUser.user.id, currency: "KZT", perPayment: nil, daily: 100_00)
            try await setLimit(t, company, limit).requireStatus(.ok)
            try await pay(t, company, "60").requireStatus(.ok)
            #expect(try t.problem(try await pay(t, company, "60")).code == "limit_exceeded")
            try await pay(t, company, "40").requireStatus(.ok)
            #expect(try await t.balance(company.second) == 100_00)
        }
    }

    /// Ten payments of 20 race against a daily limit of 100: exactly five pass.
    @Test(arguments: TestDatabase.all)
    func dailyLimit_holdsUnderConcurrentPayments(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.postgresPoolSize = 6 }) { t in
            let company = try await t.paymentCompany()
            try await setLimit(t, company, PaymentLimitView(userId: nil, currency: "KZT", perPayment: nil, daily: 100_00)).requireStatus(.ok)
            var drafts: [UUID] = []
            for index in 0..<10 {
                let input = t.order(from: company.main, to: company.second, amount: "20", number: "D\(index)")
                drafts.append(
                    try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                        .content.decode(PaymentOrderView.self).id
                )
            }
            let codes = try await withThrowingTaskGroup(of: UInt.self) { group in
                for id in drafts {
                    group.addTask { try await t.send(.POST, "/api/v1/payments/\(id)/sign", token: company.director.token).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(codes.filter { $0 == 200 }.count == 5)
            #expect(codes.filter { $0 == 422 }.count == 5)
            #expect(try await t.balance(company.second) == 100_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheDirector_setsLimits(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let refused = try await setLimit(
                t,
                company,
                PaymentLimitView(userId: nil, currency: "KZT", perPayment: 1, daily: nil),
                token: company.accountant.token
            )
            #expect(refused.status == .forbidden)
            let invalid = try await setLimit(t, company, PaymentLimitView(userId: nil, currency: "XYZ", perPayment: 0, daily: -1))
            #expect(Set(try t.problem(invalid).errors?.map(\.field) ?? []) == ["currency", "perPayment", "daily"])
        }
    }
}
