import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Paying for services (§2.3.4)")
struct ServicePaymentTests {
    private func create(_ t: TestHarness, _ company: PaymentCompany, _ request: ServicePaymentRequest) async throws -> TestingHTTPResponse {
        try await t.send(.POST, "/api/v1/companies/\(company.id)/service-payments", json: request, token: company.operatorUser.token)
    }

    @Test(arguments: TestDatabase.all)
    func mobileTopUp_findsTheOperator_andIsConfirmedLikeAnyPayment(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await create(
                t,
                company,
                ServicePaymentRequest(payerAccount: company.main.iban, phone: "+7 777 123 45 67", amount: "2000")
            )
            .requireStatus(.created).content.decode(PaymentOrderView.self)
            #expect(draft.kind == "service")
            #expect(draft.beneficiaryName == "Beeline Kazakhstan")
            let outcome = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.accepted)
                .content.decode(SignOutcome.self)
            #expect(try await t.messages(to: company.directorPhone).last?.contains("Beeline") == true)
            let code = try await t.latestCode(to: company.directorPhone)
            try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: try #require(outcome.confirmation).challengeId, code: code),
                token: company.director.token
            ).requireStatus(.ok)
            let beeline = try await t.services.accounts.bankAccount(.provider, currency: .kzt, slot: 2, on: t.db)
            #expect(beeline.balance == 2000_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func utilityBill_needsAKnownProviderAndAnAccountNumber(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let bad = try await create(
                t,
                company,
                ServicePaymentRequest(payerAccount: company.main.iban, providerId: "kcell", accountNumber: "!", amount: "0")
            )
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["providerId", "accountNumber", "amount"])
            let landline = try await create(
                t,
                company,
                ServicePaymentRequest(payerAccount: company.main.iban, phone: "+7 727 255 00 00", amount: "10")
            )
            #expect(try t.problem(landline).errors?.first?.field == "phone")
            let good = try await create(
                t,
                company,
                ServicePaymentRequest(payerAccount: company.main.iban, providerId: "alseco", accountNumber: "A123456", amount: "15400.25")
            )
            let order = try good.requireStatus(.created).content.decode(PaymentOrderView.self)
            #expect(order.purpose.contains("A123456"))
            #expect(order.amount == Money(minorUnits: 15400_25, currency: .kzt))
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 1)
        }
    }
}
