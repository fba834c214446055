import BankAPI
import BankCore
import ConsoleKit
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Interbank clearing: pacs.008 outbox, settle, return")
struct ClearingTests {
    /// An interbank order signed and confirmed: status `sent`, money in the clearing transit account.
    private func sentPayment(_ t: TestHarness, _ company: PaymentCompany, amount: String, payee: String = "ТОО «A & B <Trade>»") async throws -> UUID
    {
        var input = t.order(from: company.main, to: company.second, amount: amount)
        input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000012345")).value
        input.beneficiaryBIC = "HSBKKZKX"
        input.beneficiaryName = payee
        let draft = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
            .requireStatus(.created).content.decode(PaymentOrderView.self)
        try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
        return draft.id
    }

    @Test(arguments: TestDatabase.all)
    func sentPayment_queuesAPacs008Message_withEscapedText(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let id = try await sentPayment(t, company, amount: "1500.50")
            let message = try #require(try await ClearingMessage.query(on: t.db).filter(\.$payment.$id == id).first())
            #expect(message.status == .queued)
            #expect(message.xml.contains("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"))
            #expect(message.xml.contains("<IntrBkSttlmAmt Ccy=\"KZT\">1500.50</IntrBkSttlmAmt>"))
            #expect(message.xml.contains("<BICFI>HSBKKZKX</BICFI>"))
            #expect(message.xml.contains("ТОО «A &amp; B &lt;Trade&gt;»"))
            #expect(message.xml.contains("<Prtry>710</Prtry>"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func settling_movesTheMoneyOutOfTransit_once(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let id = try await sentPayment(t, company, amount: "300")
            let clearing = ClearingService(services: t.services)
            try await clearing.resolve(paymentID: id, .settle, on: t.db)
            #expect(try await t.services.accounts.bankAccount(.clearingTransit, currency: .kzt, on: t.db).balance == 0)
            #expect(try await PaymentOrderRecord.find(id, on: t.db)?.status == .settled)
            await #expect(throws: BankError.self) { try await clearing.resolve(paymentID: id, .settle, on: t.db) }
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReturn_creditsThePayerBack(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1_000_00)
            let id = try await sentPayment(t, company, amount: "400")
            #expect(try await t.balance(company.main) == 600_00)
            try await ClearingService(services: t.services).resolve(paymentID: id, .returned(reason: "closed account"), on: t.db)
            #expect(try await t.balance(company.main) == 1_000_00)
            #expect(try await PaymentOrderRecord.find(id, on: t.db)?.status == .returned)
            #expect(try await ClearingMessage.query(on: t.db).first()?.returnReason == "closed account")
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
            let events = try await t.auditEvents()
            #expect(events.contains("clearing.returned"))
        }
    }
}

@Suite("bizbank clearing")
struct ClearingCommandTests {
    @Test(arguments: TestDatabase.all)
    func clearingCommand_settlesAQueuedPayment_andRefusesNonsense(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "10")
            input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000099999")).value
            input.beneficiaryBIC = "HSBKKZKX"
            let draft = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                .content.decode(PaymentOrderView.self)
            try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
            func run(_ arguments: [String]) async throws {
                var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["bizbank"] + arguments))
                context.application = t.app
                try await t.app.console.run(ClearingCommand(), with: context)
            }
            await #expect(throws: CommandFailure.self) { try await run(["settle"]) }
            await #expect(throws: CommandFailure.self) { try await run(["explode", "--payment", draft.id.uuidString]) }
            try await run(["settle", "--payment", draft.id.uuidString])
            #expect(try await PaymentOrderRecord.find(draft.id, on: t.db)?.status == .settled)
        }
    }
}
