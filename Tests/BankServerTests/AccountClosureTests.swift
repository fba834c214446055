import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 14: the director closes an account with a zero balance (the bank's rule); "until the account is closed,
/// then 5 years" runs from `closed_at`.
@Suite("Account closure (§2.1 retention, Law 94-V art. 18)")
struct AccountClosureTests {
    private func close(_ t: TestHarness, _ company: PaymentCompany, _ account: Account, token: String) async throws -> TestingHTTPResponse {
        try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/accounts/\(try account.requireID())/close",
            token: token,
            headers: [("Idempotency-Key", UUID().uuidString)]
        )
    }

    @Test(arguments: TestDatabase.all)
    func director_closesAZeroBalanceAccount_only_andAClosedAccountTakesNoPayments(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1000_00)
            // only the director
            #expect(try await close(t, company, company.second, token: company.accountant.token).status == .forbidden)
            // not with money on it: the bank's rule, named
            let funded = try await close(t, company, company.main, token: company.director.token)
            #expect(funded.status == .conflict)
            #expect(try t.problem(funded).code == "account_balance_not_zero")
            #expect(try await Account.find(try company.main.requireID(), on: t.db)?.status == .active)
            // a zero balance closes, with the time
            let closed = try await close(t, company, company.second, token: company.director.token).requireStatus(.ok).content.decode(
                AccountView.self
            )
            #expect(closed.status == "closed")
            #expect(closed.closedAt == t.clock.now())
            #expect(try await Account.find(try company.second.requireID(), on: t.db)?.closedAt == t.clock.now())
            #expect(try await t.auditEvents().contains("account.closed"))
            #expect(try t.problem(try await close(t, company, company.second, token: company.director.token)).code == "account_closed")
            // no order to it
            let toClosed = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "10.00"),
                token: company.director.token
            )
            #expect(toClosed.status == .unprocessableEntity)
            #expect(try t.problem(toClosed).errors?.map(\.code) == ["account_closed"])
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aClosedAccountsDocuments_goFiveYearsAfterClosing_andTheLedgerStaysBalanced(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: all the money paid out of the main account, and a payroll drafted on it, then the account closed
            let company = try await t.paymentCompany(funds: 1000_00)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "1000.00"),
                token: company.operatorUser.token
            ).requireStatus(.created).content.decode(PaymentOrderView.self)
            let outcome = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).content.decode(SignOutcome.self)
            if let challenge = outcome.confirmation {
                let code = try await t.latestCode(to: company.directorPhone)
                try await t.send(
                    .POST,
                    "/api/v1/payments/\(draft.id)/confirm",
                    json: OtpAnswer(challengeId: challenge.challengeId, code: code),
                    token: company.director.token
                ).requireStatus(.ok)
            }
            #expect(try await t.balance(company.main) == 0)
            let csv = "Ержан Қасымов;\(Fixtures.iin().value);\(company.second.iban);10.00"
            try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payrolls",
                json: PayrollUpload(payerAccount: company.main.iban, number: "P-1", knp: "332", csv: csv),
                token: company.accountant.token
            ).requireStatus(.created)
            try await close(t, company, company.main, token: company.director.token).requireStatus(.ok)
            let entries = try await LedgerEntry.query(on: t.db).count()
            // when: a day short of five years, nothing goes
            t.clock.advance(seconds: Double(AccountClosure.retentionDays - 1) * 86_400)
            #expect(try await RetentionJob(services: t.services).run(dryRun: true, on: t.db)["closed_accounts"] == 0)
            // then, past five years from closing, the orders and payrolls go (with their lines and signatures)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["closed_accounts"] == 2)
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 0)
            #expect(try await PaymentSignature.query(on: t.db).count() == 0)
            #expect(try await Payroll.query(on: t.db).count() == 0)
            #expect(try await PayrollLine.query(on: t.db).count() == 0)
            // the books are untouched and balanced; the open account keeps its money
            #expect(try await LedgerEntry.query(on: t.db).count() == entries)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
            #expect(try await t.balance(company.second) == 1000_00)
        }
    }
}
