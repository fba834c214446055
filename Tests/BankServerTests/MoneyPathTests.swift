import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10: sole proprietors pay alone, signatures of people who left do not count, signers see what awaits them.
@Suite("Money paths: who can pay")
struct MoneyPathTests {
    /// A company whose only user is its director, with two funded accounts: a sole proprietor as registered.
    private func soleProprietor(_ t: TestHarness) async throws -> (PaymentCompany, SessionGrant) {
        let registration = Fixtures.registration()
        let director = try await t.registerActive(registration)
        let companyID = director.user.companies[0].id
        let accounts = try await t.fundedAccounts(companyID: companyID, [(.kzt, 1_000_000_00), (.kzt, 0)])
        let company = PaymentCompany(
            id: companyID,
            director: director,
            accountant: director,
            operatorUser: director,
            directorPhone: registration.person.phone,
            main: accounts[0],
            second: accounts[1]
        )
        return (company, director)
    }

    @Test(arguments: TestDatabase.all)
    func soleProprietor_draftsSignsAndPays_ownAccountsWithoutACode_otherwiseWithOne(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (company, director) = try await soleProprietor(t)
            let rule = try await t.send(.GET, "/api/v1/companies/\(company.id)/signing-rule", token: director.token)
                .content.decode(SigningRuleView.self)
            #expect(rule.authorMaySignAlone == true)
            // own accounts: the director's own signature executes it, no SMS code (RTS art. 15)
            let own = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100"),
                token: director.token
            ).requireStatus(.created).content.decode(PaymentOrderView.self)
            let signed = try await t.send(.POST, "/api/v1/payments/\(own.id)/sign", token: director.token).requireStatus(.ok)
            #expect(try signed.content.decode(SignOutcome.self).order.status == "executed")
            #expect(try await t.balance(company.second) == 100_00)
            // to another client: the director's signature, then the code bound to the content
            let payee = try await t.paymentCompany(funds: 0)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: payee.main, amount: "250"),
                token: director.token
            ).content.decode(PaymentOrderView.self)
            let confirmed = try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
            #expect(try confirmed.content.decode(PaymentOrderView.self).status == "executed")
            #expect(try await t.balance(payee.main) == 250_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withoutSignAlone_theAuthorNeedsAnotherSigner(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/signing-rule",
                json: SigningRuleView(dualSignatureAbove: nil, authorMaySignAlone: false),
                token: company.director.token
            ).requireStatus(.ok)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100"),
                token: company.director.token
            ).content.decode(PaymentOrderView.self)
            let first = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(try first.content.decode(SignOutcome.self).order.status == "awaiting_signatures")
            // the accountant is told, and finds it in "awaiting me"
            let awaiting = try await t.send(.GET, "/api/v1/companies/\(company.id)/payments?awaiting=me", token: company.accountant.token)
                .content.decode(ListPage<PaymentOrderView>.self)
            #expect(awaiting.items.map(\.id) == [draft.id])
            let inbox = try await t.send(.GET, "/api/v1/me/inbox", token: company.accountant.token).content.decode(InboxPage.self)
            #expect(inbox.items.contains { $0.body.contains("№17") })
            let second = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token)
            #expect(try second.content.decode(SignOutcome.self).order.status == "executed")
        }
    }

    /// Review L4: an accountant signs and is then removed; the director's signature alone does not complete an order
    /// that needs both.
    @Test(arguments: TestDatabase.all)
    func aRemovedSignersSignature_doesNotCount(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(dualThreshold: 0)
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token).requireStatus(.ok)
            try await Membership.query(on: t.db).filter(\.$user.$id == company.accountant.user.id).delete()
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(try signed.content.decode(SignOutcome.self).order.status == "awaiting_signatures")
            #expect(try await t.balance(company.second) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSigner_rejectsWithAReason_andTheOrderCannotBeSignedAfter(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "100"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let operatorTry = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/reject",
                json: RejectPaymentRequest(reason: "no"),
                token: company.operatorUser.token
            )
            #expect(operatorTry.status == .forbidden)
            let empty = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/reject",
                json: RejectPaymentRequest(reason: " "),
                token: company.director.token
            )
            #expect(try t.problem(empty).errors?.map(\.field) == ["reason"])
            let rejected = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/reject",
                json: RejectPaymentRequest(reason: "Wrong contract number"),
                token: company.director.token
            ).requireStatus(.ok).content.decode(PaymentOrderView.self)
            #expect(rejected.status == "rejected" && rejected.rejectionReason == "Wrong contract number")
            let sign = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(sign.status == .conflict)
            try await t.chainAudit()
            #expect(try await AuditEntry.query(on: t.db).filter(\.$event == "payment.rejected").count() == 1)
        }
    }

    /// Review H2: amounts near Int64.max are refused at drafting, and a basket total is checked, never a trap.
    @Test(arguments: TestDatabase.all)
    func hugeAmounts_areAClearError_andTheServerKeepsServing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            let huge = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: payee.main, amount: "50000000000000000.00"),
                token: company.operatorUser.token
            )
            #expect(try t.problem(huge).errors?.first { $0.field == "amount" }?.code == "amount_too_large")
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 0)
            // the sum itself: two stored orders whose total passes Int64.max
            let records = (0..<2).map { _ in
                let record = PaymentOrderRecord()
                (record.amount, record.currency) = (Int64.max / 2 + 1, "KZT")
                return record
            }
            #expect(throws: BankError.self) { try SigningBasket.totals(records) }
            #expect(try await t.send(.GET, "/health/live").status == .ok)
        }
    }

    /// Lists never skip: 500 orders created at one instant page through completely, each once.
    @Test(arguments: TestDatabase.all)
    func ordersCreatedInOneInstant_pageThroughCompletely(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let template = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "1"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let source = try #require(try await PaymentOrderRecord.find(template.id, on: t.db))
            try await t.db.transaction { tx in
                for _ in 0..<499 {
                    let copy = PaymentOrderRecord()
                    copy.id = UUID()
                    (copy.createdAt, copy.updatedAt, copy.$company.id, copy.$author.id) = (
                        source.createdAt, source.updatedAt, company.id, source.$author.id
                    )
                    (copy.$payerAccount.id, copy.number, copy.documentDate, copy.beneficiaryName) = (
                        source.$payerAccount.id, "1", source.documentDate, source.beneficiaryName
                    )
                    (copy.beneficiaryTaxID, copy.beneficiaryIBAN, copy.beneficiaryBIC, copy.kbe) = (
                        source.beneficiaryTaxID, source.beneficiaryIBAN, source.beneficiaryBIC, source.kbe
                    )
                    (copy.knp, copy.purpose, copy.amount, copy.currency, copy.valueDate) = (
                        source.knp, source.purpose, source.amount, source.currency, source.valueDate
                    )
                    (copy.urgency, copy.kind, copy.status, copy.contentHash) = (source.urgency, source.kind, .draft, source.contentHash)
                    try await copy.create(on: tx)
                }
            }
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/companies/\(company.id)/payments" + (cursor.map { "?cursor=\($0)" } ?? "")
                let page = try await t.send(.GET, path, token: company.director.token).requireStatus(.ok).content.decode(
                    ListPage<PaymentOrderView>.self
                )
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 500)
            #expect(Set(seen).count == 500)
        }
    }
}
