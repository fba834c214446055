import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

@Suite("Payroll: one document, one confirmation, line-by-line execution")
struct PayrollTests {
    private func upload(_ t: TestHarness, _ company: PaymentCompany, csv: String) async throws -> TestingHTTPResponse {
        try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payrolls",
            json: PayrollUpload(payerAccount: company.main.iban, number: "P-11", knp: "332", csv: csv),
            token: company.accountant.token
        )
    }

    @Test(arguments: TestDatabase.all)
    func upload_reportsEveryBadLineByNumber_andStoresNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let csv = """
                ФИО;ИИН;ИИК;Сумма
                Асель Оспанова;\(Fixtures.iin().value);\(company.second.iban);250000.00
                Ержан Касымов;123456789012;\(company.second.iban);100
                Дана Серикова;\(Fixtures.iin().value);KZ00BAD;-5
                """
            let response = try await upload(t, company, csv: csv)
            #expect(response.status == .unprocessableEntity)
            let fields = Set(try t.problem(response).errors?.map(\.field) ?? [])
            #expect(fields == ["line[3].iin", "line[4].iban", "line[4].amount"])
            #expect(try await Payroll.query(on: t.db).count() == 0)
            #expect(try await PayrollLine.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func payroll_isConfirmedOnce_andAFailingLineDoesNotBlockTheOthers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: two employees with accounts here, one whose account is closed, one at another bank
            let company = try await t.paymentCompany(funds: 1_000_000_00)
            let staff = try await t.paymentCompany(funds: 0)
            let closed = staff.second
            closed.status = .closed
            try await closed.save(on: t.db)
            let external = try #require(IBAN.make(bankCode: "601", accountPart: "0000000054321")).value
            let csv = """
                Асель Оспанова,\(Fixtures.iin().value),\(staff.main.iban),250000.00
                "Касымов, Ержан",\(Fixtures.iin().value),\(closed.iban),100000
                Дана Серикова,\(Fixtures.iin().value),\(external),50000.50
                """
            let created = try await upload(t, company, csv: csv).requireStatus(.created).content.decode(PayrollView.self)
            #expect(created.total == Money(minorUnits: 400_000_50, currency: .kzt))
            #expect(created.lines.map(\.fullName) == ["Асель Оспанова", "Касымов, Ержан", "Дана Серикова"])
            // when: the director signs (the accountant is the author), then confirms with one code
            let signed = try await t.send(.POST, "/api/v1/payrolls/\(created.id)/sign", token: company.director.token).requireStatus(.accepted)
            let challenge = try #require(try signed.content.decode(PayrollView.self).confirmation)
            let code = try await t.latestCode(to: company.directorPhone)
            let done = try await t.send(
                .POST,
                "/api/v1/payrolls/\(created.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: code),
                token: company.director.token
            ).requireStatus(.ok).content.decode(PayrollView.self)
            // then
            #expect(done.status == "partially_executed")
            #expect(done.lines.map(\.status) == ["paid", "failed", "paid"])
            #expect(done.lines[1].failureCode == "account_unavailable")
            #expect(try await t.balance(staff.main) == 250_000_00)
            #expect(try await t.balance(company.main) == 1_000_000_00 - 250_000_00 - 50_000_50)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
            // a second confirmation pays nothing again
            let again = try await t.send(
                .POST,
                "/api/v1/payrolls/\(created.id)/confirm",
                json: OtpAnswer(challengeId: challenge.challengeId, code: code),
                token: company.director.token
            )
            #expect(again.status == .conflict)
            #expect(try await t.balance(staff.main) == 250_000_00)
        }
    }

    @Test(arguments: TestDatabase.all)
    func payrollNamesAndIINs_areEncryptedAtRest_andHiddenFromOtherCompanies(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let stranger = try await t.paymentCompany()
            let iin = Fixtures.iin().value
            let created = try await upload(t, company, csv: "Гульнар Ахметова;\(iin);\(company.second.iban);1000")
                .requireStatus(.created).content.decode(PayrollView.self)
            #expect(created.lines.first?.iinMasked == "********" + iin.suffix(4))
            for row in try await t.sql.raw("SELECT full_name, iin FROM payroll_lines").all() {
                let name = try row.decode(column: "full_name", as: Data.self)
                let storedIIN = try row.decode(column: "iin", as: Data.self)
                #expect(!String(decoding: name, as: UTF8.self).contains("Гульнар"))
                #expect(!String(decoding: storedIIN, as: UTF8.self).contains(iin))
            }
            #expect(try await t.send(.GET, "/api/v1/payrolls/\(created.id)", token: stranger.director.token).status == .notFound)
        }
    }
}
