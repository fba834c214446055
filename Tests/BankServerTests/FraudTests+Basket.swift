import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

/// §2.2.4 through the signing basket: the same risk rules as for one order (the privacy review found the basket
/// once bypassed them). Signing from another network than the session's raises the risk; above the hold amount
/// the order is held for the fraud team, the others go through.
@Suite("Fraud checks through the signing basket (§2.2.4)")
struct BasketFraudTests {
    @Test(arguments: TestDatabase.all)
    func aBasketSignedFromAnotherNetwork_holdsTheLargeOrder_andExecutesTheSmallOne(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 10_000_000_00)
            var ids: [UUID] = []
            for (index, amount) in ["6000000", "100"].enumerated() {
                let input = t.order(from: company.main, to: company.second, amount: amount, number: "F\(index)")
                ids.append(
                    try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                        .requireStatus(.created).content.decode(PaymentOrderView.self).id
                )
            }
            let outcome = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/sign",
                json: BasketSignRequest(paymentIds: ids),
                token: company.director.token,
                ip: "192.168.7.7"
            ).requireStatus(.accepted).content.decode(BasketOutcome.self)
            let challenge = try #require(outcome.confirmation).challengeId
            let confirmed = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments/confirm",
                json: BasketConfirmRequest(paymentIds: ids, challengeId: challenge, code: try await t.latestCode(to: company.directorPhone)),
                token: company.director.token,
                ip: "192.168.7.7"
            ).requireStatus(.ok).content.decode(BasketOutcome.self)
            let status = Dictionary(uniqueKeysWithValues: confirmed.orders.map { ($0.id, $0.status) })
            #expect(status[ids[0]] == "held_for_review")
            #expect(status[ids[1]] == "executed")
            #expect(try await t.balance(company.second) == 100_00)
            let analyst = try await t.staffToken(.fraud)
            let holds = try await t.send(.GET, "/api/v1/staff/fraud/holds", token: analyst).content.decode([PaymentOrderView].self)
            #expect(holds.map(\.id) == [ids[0]])
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }
}
