import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Payment orders: signatures, SMS confirmation, execution")
struct PaymentTests {
    private func create(
        _ t: TestHarness,
        _ company: PaymentCompany,
        _ input: PaymentOrderInput,
        token: String,
        key: String? = nil
    ) async throws
        -> TestingHTTPResponse
    {
        try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payments",
            json: input,
            token: token,
            headers: key.map { [(IdempotencyGuard.header, $0)] } ?? []
        )
    }

    @Test(arguments: TestDatabase.all)
    func ownAccountTransfer_underTwoPersonRule_needsASignatureFromSomeoneOtherThanTheAuthor_andNoSMSCode(
        _ database: TestDatabase
    ) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            // the director turns "sign alone" off: someone other than the author must sign too
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/signing-rule",
                json: SigningRuleView(dualSignatureAbove: nil, authorMaySignAlone: false),
                token: company.director.token
            ).requireStatus(.ok)
            let draft = try await create(
                t,
                company,
                t.order(from: company.main, to: company.second, amount: "1500.50"),
                token: company.director.token
            )
            .requireStatus(.created).content.decode(PaymentOrderView.self)
            #expect(draft.kind == "own_accounts")
            #expect(draft.status == "draft")
            // the author alone cannot complete it
            let first = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.ok)
            #expect(try first.content.decode(SignOutcome.self).order.status == "awaiting_signatures")
            // the accountant's signature completes it, with no SMS code (RTS art. 15)
            let second = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token).requireStatus(.ok)
            let outcome = try second.content.decode(SignOutcome.self)
            #expect(outcome.order.status == "executed")
            #expect(outcome.confirmation == nil)
            #expect(try await t.balance(company.main) == 1_000_000_00 - 1500_50)
            #expect(try await t.balance(company.second) == 1500_50)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func intrabankPayment_isConfirmedBySMSCodeNamingAmountAndPayee(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            let draft = try await create(t, company, t.order(from: company.main, to: payee.main, amount: "250000"), token: company.operatorUser.token)
                .requireStatus(.created).content.decode(PaymentOrderView.self)
            #expect(draft.kind == "intrabank")
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.accepted)
            let outcome = try signed.content.decode(SignOutcome.self)
            #expect(outcome.order.status == "awaiting_confirmation")
            let challenge = try #require(outcome.confirmation)
            let sms = try #require(try await t.messages(to: company.directorPhone).last)
            #expect(sms.contains("250000.00 KZT"))
            #expect(sms.contains("Алтын Дала"))
            let code = try await t.latestCode(to: company.directorPhone)
            let confirmed = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: code),
                token: company.director.token
            )
            #expect(try confirmed.requireStatus(.ok).content.decode(PaymentOrderView.self).status == "executed")
            #expect(try await t.balance(payee.main) == 250_000_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func confirmationCode_forAnotherOrder_orBeforeAnEdit_fails(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            var ids: [UUID] = []
            var challenges: [UUID] = []
            for amount in ["100", "200"] {
                let draft = try await create(
                    t,
                    company,
                    t.order(from: company.main, to: payee.main, amount: amount),
                    token: company.operatorUser.token
                )
                .requireStatus(.created).content.decode(PaymentOrderView.self)
                let outcome = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).content.decode(
                    SignOutcome.self
                )
                ids.append(draft.id)
                challenges.append(try #require(outcome.confirmation?.challengeId))
            }
            // the code of order 0 on order 1
            let codeForFirst = try await t.messages(to: company.directorPhone).compactMap { $0.split(separator: "#").last.map(String.init) }
            let crossed = try await t.send(
                .POST,
                "/api/v1/payments/\(ids[1])/confirm",
                json: OtpAnswer(challengeId: challenges[0], code: codeForFirst[codeForFirst.count - 2]),
                token: company.director.token
            )
            #expect(crossed.status == .unprocessableEntity)
            // editing order 1 voids its signature and its code
            let code1 = try await t.latestCode(to: company.directorPhone)
            try await t.send(
                .PUT,
                "/api/v1/payments/\(ids[1])",
                json: t.order(from: company.main, to: payee.main, amount: "201"),
                token: company.operatorUser.token
            ).requireStatus(.ok)
            let afterEdit = try await t.send(
                .POST,
                "/api/v1/payments/\(ids[1])/confirm",
                json: OtpAnswer(challengeId: challenges[1], code: code1),
                token: company.director.token
            )
            #expect(afterEdit.status == .conflict)
            let edited = try await t.send(.GET, "/api/v1/payments/\(ids[1])", token: company.director.token).content.decode(PaymentOrderView.self)
            #expect(edited.status == "draft" && edited.signatures.isEmpty)
            #expect(try await t.balance(payee.main) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aboveTheThreshold_bothSignaturesAreNeeded(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(dualThreshold: 100_000_00)
            let payee = try await t.paymentCompany(funds: 0)
            let draft = try await create(
                t,
                company,
                t.order(from: company.main, to: payee.main, amount: "100000.01"),
                token: company.operatorUser.token
            )
            .content.decode(PaymentOrderView.self)
            let first = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).content.decode(SignOutcome.self)
            #expect(first.order.status == "awaiting_signatures")
            let again = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(try t.problem(again).code == "already_signed")
            let second = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.accountant.token).requireStatus(.accepted)
            #expect(try second.content.decode(SignOutcome.self).order.signatures.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func operatorsCannotSign_andOtherCompaniesSeeNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let stranger = try await t.paymentCompany()
            let draft = try await create(t, company, t.order(from: company.main, to: company.second, amount: "10"), token: company.operatorUser.token)
                .content.decode(PaymentOrderView.self)
            let byOperator = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.operatorUser.token)
            #expect(try t.problem(byOperator).code == "signature_not_allowed")
            for (method, path) in [
                (HTTPMethod.GET, "/api/v1/payments/\(draft.id)"), (.POST, "/api/v1/payments/\(draft.id)/sign"),
                (.GET, "/api/v1/companies/\(company.id)/payments"),
            ] {
                #expect(try await t.send(method, path, token: stranger.director.token).status == .notFound, "\(method) \(path)")
            }
            let intoStranger = try await create(
                t,
                company,
                t.order(from: stranger.main, to: company.second, amount: "10"),
                token: company.director.token
            )
            #expect(try t.problem(intoStranger).errors?.first?.field == "payerAccount")
        }
    }

    @Test(arguments: TestDatabase.all)
    func invalidOrder_reportsEveryField_andStoresNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "-5")
            input.knp = "000"
            input.beneficiaryAccount = "KZ00123"
            input.beneficiaryTaxID = "123"
            let response = try await create(t, company, input, token: company.director.token)
            #expect(response.status == .unprocessableEntity)
            let fields = Set(try t.problem(response).errors?.map(\.field) ?? [])
            #expect(fields.isSuperset(of: ["amount", "knp", "beneficiaryAccount", "beneficiaryTaxID"]))
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func insufficientFunds_movesNothing_andRejectsTheOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 100_00)
            let draft = try await create(
                t,
                company,
                t.order(from: company.main, to: company.second, amount: "100.01"),
                token: company.operatorUser.token
            )
            .content.decode(PaymentOrderView.self)
            let signed = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token)
            #expect(try t.problem(signed).code == "insufficient_funds")
            let order = try await t.send(.GET, "/api/v1/payments/\(draft.id)", token: company.director.token).content.decode(PaymentOrderView.self)
            #expect(order.status == "rejected" && order.rejectionCode == "insufficient_funds")
            #expect(try await t.balance(company.main) == 100_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func idempotencyKey_replaysTheFirstAnswer_andRejectsAnotherBody(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let input = t.order(from: company.main, to: company.second, amount: "10")
            let first = try await create(t, company, input, token: company.director.token, key: "order-17").requireStatus(.created)
            let retry = try await create(t, company, input, token: company.director.token, key: "order-17").requireStatus(.created)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try first.content.decode(PaymentOrderView.self).id == (try retry.content.decode(PaymentOrderView.self).id))
            var other = input
            other.amount = "11"
            let reused = try await create(t, company, other, token: company.director.token, key: "order-17")
            #expect(reused.status == .unprocessableEntity)
            #expect(try t.problem(reused).code == "idempotency_key_reused")
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 1)
        }
    }

    /// Concurrent retries of the same signing request: money moves exactly once.
    @Test(arguments: TestDatabase.all)
    func concurrentRetries_withOneKey_moveMoneyOnce(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.postgresPoolSize = 6 }) { t in
            let company = try await t.paymentCompany()
            let draft = try await create(
                t,
                company,
                t.order(from: company.main, to: company.second, amount: "700"),
                token: company.operatorUser.token
            )
            .content.decode(PaymentOrderView.self)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await t.send(
                            .POST,
                            "/api/v1/payments/\(draft.id)/sign",
                            token: company.director.token,
                            headers: [(IdempotencyGuard.header, "sign-once")]
                        ).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 409 })
            #expect(statuses.contains(200))
            #expect(try await t.balance(company.second) == 700_00)
            #expect(try await LedgerTransaction.query(on: t.db).filter(\.$reference == "payment:\(draft.id)").count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func interbankPayment_goesToTheClearingTransitAccount(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "300")
            input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000012345")).value
            input.beneficiaryBIC = "HSBKKZKX"
            let draft = try await create(t, company, input, token: company.operatorUser.token).requireStatus(.created).content.decode(
                PaymentOrderView.self
            )
            #expect(draft.kind == "interbank")
            let outcome = try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).content.decode(SignOutcome.self)
            let code = try await t.latestCode(to: company.directorPhone)
            let sent = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/confirm",
                json: OtpAnswer(challengeId: try #require(outcome.confirmation).challengeId, code: code),
                token: company.director.token
            ).content.decode(PaymentOrderView.self)
            #expect(sent.status == "sent")
            let transit = try await t.services.accounts.bankAccount(.clearingTransit, currency: .kzt, on: t.db)
            #expect(transit.balance == 300_00)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }
}

@Suite("Idempotency fingerprints")
struct IdempotencyFingerprintTests {
    @Test
    func sameJSON_inAnotherKeyOrder_isTheSameRequest() {
        let a = IdempotencyGuard.canonical(Data(#"{"b":1,"a":{"y":2,"x":3}}"#.utf8))
        let b = IdempotencyGuard.canonical(Data(#"{"a":{"x":3,"y":2},"b":1}"#.utf8))
        #expect(a == b)
        #expect(a != IdempotencyGuard.canonical(Data(#"{"a":{"x":3,"y":2},"b":2}"#.utf8)))
    }
}

@Suite("Executed orders are immutable (§5.1)")
struct PaymentIntegrityTests {
    @Test(arguments: TestDatabase.all)
    func anEditAfterExecution_isNamedByAuditVerify(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "42"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.ok)
            try await t.chainAudit()
            let before = try await PaymentIntegrity.verify(on: t.db)
            #expect(before.isEmpty, "\(before)")
            // the purpose is not bound to the SMS code, but the document hash covers it
            try await t.sql.raw("UPDATE payment_orders SET purpose = 'something else' WHERE id = \(bind: draft.id)").run()
            #expect(try await PaymentIntegrity.verify(on: t.db) == [.altered(paymentID: draft.id)])
        }
    }
}
