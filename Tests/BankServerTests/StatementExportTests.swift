import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Statement exports: CSV and 1CClientBankExchange")
struct StatementExportTests {
    /// A paid intrabank order from `company` to `payee`.
    private func pay(_ t: TestHarness, _ company: PaymentCompany, to payee: PaymentCompany, amount: String) async throws {
        let draft = try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payments",
            json: t.order(from: company.main, to: payee.main, amount: amount),
            token: company.operatorUser.token
        ).content.decode(PaymentOrderView.self)
        try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
    }

    private func export(_ t: TestHarness, _ account: Account, _ query: String, token: String) async throws -> TestingHTTPResponse {
        try await t.send(.GET, "/api/v1/accounts/\(try account.requireID())/statement/export?\(query)", token: token)
    }

    @Test(arguments: TestDatabase.all)
    func csv_showsEachSideWithItsCounterparty(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1_000_000_00)
            let payee = try await t.paymentCompany(funds: 0)
            try await pay(t, company, to: payee, amount: "250000")
            let debit = try await export(t, company.main, "format=csv", token: company.accountant.token).requireStatus(.ok)
            let bytes = Array(debit.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.count == 3)  // header, funding, the payment
            #expect(rows[2].contains("debit,250000.00,KZT,ТОО «Алтын Дала»"))
            #expect(rows[2].hasSuffix(",750000.00"))
            let credit = try await export(t, payee.main, "format=csv", token: payee.director.token).requireStatus(.ok)
            let payer = try #require(try await Company.find(company.id, on: t.db))
            #expect(credit.body.string.contains("credit,250000.00,KZT,\(payer.name),\(payer.bin),\(company.main.iban)"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func oneC_inUTF8_hasTheKazakhFieldSetAndTotals(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 1_000_00)
            let payee = try await t.paymentCompany(funds: 0)
            try await pay(t, company, to: payee, amount: "300.50")
            let response = try await export(t, company.main, "format=1c", token: company.director.token).requireStatus(.ok)
            let lines = response.body.string.components(separatedBy: "\r\n")
            #expect(lines.first == "1CClientBankExchange")
            for expected in [
                "Кодировка=UTF8", "РасчСчет=\(company.main.iban)", "НачальныйОстаток=0.00", "ВсегоПоступило=1000.00", "ВсегоСписано=300.50",
                "КонечныйОстаток=699.50", "СекцияДокумент=Платежное поручение", "НомерДокумента=17", "ПолучательНаименование=ТОО «Алтын Дала»",
                "ПолучательИИК=\(payee.main.iban)", "СуммаРасход=300.50", "КодНазначенияПлатежа=710", "Валюта=KZT", "КонецФайла",
            ] {
                #expect(lines.contains(expected), "missing \(expected)")
            }
        }
    }

    @Test
    func oneC_inWindows1251_encodesCyrillic_andFallsBackForKazakhLetters() {
        let header = ExportHeader(
            iban: "KZ00",
            holderName: "Қазақ",
            holderTaxID: "1",
            bankBIC: "B",
            currency: .kzt,
            from: "2026-01-01",
            to: "2026-01-31",
            opening: .zero(.kzt),
            closing: .zero(.kzt)
        )
        let bytes = StatementExport.oneC(header, [], encoding: .windows1251, createdAt: Date(timeIntervalSince1970: 0))
        // "Кодировка=Windows" in cp1251 (the encoding's table is tested in BankCoreTests, Windows1251Tests)
        let key: [UInt8] = [0xCA, 0xEE, 0xE4, 0xE8, 0xF0, 0xEE, 0xE2, 0xEA, 0xE0] + Array("=Windows".utf8)
        #expect(bytes.indices.contains { bytes[$0...].starts(with: key) })
        let ascii = String(decoding: bytes.filter { $0 < 0x80 }, as: UTF8.self)
        #expect(ascii.contains("=Windows"))
        #expect(!bytes.contains(where: { $0 == UInt8(ascii: "?") }))
    }

    @Test
    func exports_neutraliseLineBreaksAndFormulas() {
        let header = ExportHeader(
            iban: "KZ00",
            holderName: "X",
            holderTaxID: "1",
            bankBIC: "B",
            currency: .kzt,
            from: "2026-01-01",
            to: "2026-01-31",
            opening: .zero(.kzt),
            closing: .zero(.kzt)
        )
        let line = ExportLine(
            documentNumber: "1",
            date: "2026-01-05",
            isDebit: true,
            amount: Money(minorUnits: 100, currency: .kzt),
            counterpartyName: "=HYPERLINK(\"x\")",
            counterpartyTaxID: "1",
            counterpartyIBAN: "KZ",
            counterpartyBIC: "B",
            knp: "710",
            purpose: "pay\r\nКонецФайла",
            balanceAfter: .zero(.kzt)
        )
        let oneC = String(decoding: StatementExport.oneC(header, [line], encoding: .utf8, createdAt: Date()), as: UTF8.self)
        #expect(oneC.components(separatedBy: "\r\n").filter { $0 == "КонецФайла" }.count == 1)
        let csv = String(decoding: StatementExport.csv(header, [line]).dropFirst(3), as: UTF8.self)
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains("\"pay\r\nКонецФайла\""))
    }

    @Test(arguments: TestDatabase.all)
    func export_isCompanyScoped_andValidatesItsOptions(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let stranger = try await t.paymentCompany()
            #expect(try await export(t, company.main, "format=csv", token: stranger.director.token).status == .notFound)
            let bad = try await export(t, company.main, "format=xls&encoding=koi8", token: company.director.token)
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["format", "encoding"])
        }
    }
}

@Suite("Payment receipts")
struct ReceiptTests {
    @Test(arguments: TestDatabase.all)
    func receipt_existsOnlyForExecutedOrders_andEscapesTheHTML(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "77.70")
            input.purpose = "Оплата <b>счёта</b> & услуг"
            let draft = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                .content.decode(PaymentOrderView.self)
            #expect(try await t.send(.GET, "/api/v1/payments/\(draft.id)/receipt", token: company.director.token).status == .conflict)
            try await t.send(.POST, "/api/v1/payments/\(draft.id)/sign", token: company.director.token).requireStatus(.ok)
            let receipt = try await t.send(.GET, "/api/v1/payments/\(draft.id)/receipt", token: company.accountant.token).requireStatus(.ok)
                .content.decode(PaymentReceipt.self)
            #expect(receipt.amount == Money(minorUnits: 77_70, currency: .kzt))
            #expect(receipt.payerAccount == company.main.iban)
            #expect(receipt.contentHash == draft.contentHash)
            let html = try await t.send(.GET, "/api/v1/payments/\(draft.id)/receipt?format=html", token: company.director.token, language: "ru")
            #expect(html.body.string.contains("Квитанция о платеже"))
            #expect(html.body.string.contains("Оплата &lt;b&gt;счёта&lt;/b&gt; &amp; услуг"))
            let stranger = try await t.paymentCompany()
            #expect(try await t.send(.GET, "/api/v1/payments/\(draft.id)/receipt", token: stranger.director.token).status == .notFound)
        }
    }
}
