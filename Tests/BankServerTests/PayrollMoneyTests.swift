import BankAPI
import BankCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10 (review M1, M2, L7): payroll lines are payment orders of their own — limits, clearing, fraud holds — and a
/// run cut short between two lines is finished, each line paid once.
@Suite("Payroll: clearing, limits, holds, resuming")
struct PayrollMoneyTests {
    private static let otherBank = "601"

    /// Uploads `csv` as the accountant, signs as the director (from `ip`) and returns the payroll with its code.
    private func signed(
        _ t: TestHarness,
        _ company: PaymentCompany,
        csv: String,
        ip: String = "10.0.0.1"
    ) async throws -> (
        PayrollView, OtpAnswer
    ) {
        let created = try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payrolls",
            json: PayrollUpload(payerAccount: company.main.iban, number: "P-7", knp: "332", csv: csv),
            token: company.accountant.token
        ).requireStatus(.created).content.decode(PayrollView.self)
        let signed = try await t.send(.POST, "/api/v1/payrolls/\(created.id)/sign", token: company.director.token, ip: ip)
            .requireStatus(.accepted).content.decode(PayrollView.self)
        let challenge = try #require(signed.confirmation)
        return (created, OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: company.directorPhone)))
    }

    private func confirm(
        _ t: TestHarness,
        _ company: PaymentCompany,
        _ payroll: PayrollView,
        _ answer: OtpAnswer,
        ip: String = "10.0.0.1"
    )
        async throws -> PayrollView
    {
        try await t.send(.POST, "/api/v1/payrolls/\(payroll.id)/confirm", json: answer, token: company.director.token, ip: ip)
            .requireStatus(.ok).content.decode(PayrollView.self)
    }

    @Test(arguments: TestDatabase.all)
    func aLineToAnotherBank_queuesItsPacs008_andAReturnCreditsThePayer(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let external = try #require(IBAN.make(bankCode: Self.otherBank, accountPart: "0000000054321")).value
            let iin = Fixtures.iin().value
            let (payroll, answer) = try await signed(t, company, csv: "Дана Серикова;\(iin);\(external);50000.50")
            let done = try await confirm(t, company, payroll, answer)
            #expect(done.status == "executed" && done.lines.map(\.status) == ["paid"])
            let messages = try await ClearingMessage.query(on: t.db).all()
            #expect(messages.count == 1)
            #expect(messages.first?.xml.contains("Дана Серикова") == true && messages.first?.xml.contains(iin) == true)
            // the employee stays sealed in the payroll: the line's order names the line, not the person
            let order = try #require(try await PaymentOrderRecord.find(messages[0].$payment.id, on: t.db))
            #expect(order.status == .sent && !order.beneficiaryName.contains("Дана") && !order.beneficiaryTaxID.contains(iin))
            let before = try await t.balance(company.main)
            try await ClearingService(services: t.services).resolve(paymentID: order.requireID(), .returned(reason: "AC04"), on: t.db)
            #expect(try await t.balance(company.main) == before + 50_000_50)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func lines_goThroughTheLimits_andNeverCreditTheBanksOwnAccounts(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let staff = try await t.paymentCompany(funds: 0)
            try await t.sendConfirmed(
                .PUT,
                "/api/v1/companies/\(company.id)/limits",
                json: PaymentLimitView(userId: nil, currency: "KZT", perPayment: 1_000_00, daily: nil),
                token: company.director.token
            ).requireStatus(.ok)
            let transit = try await t.services.accounts.bankAccount(.clearingTransit, currency: .kzt, on: t.db)
            let csv = """
                Асель Оспанова;\(Fixtures.iin().value);\(staff.main.iban);5000
                Ержан Касымов;\(Fixtures.iin().value);\(staff.main.iban);900
                Дана Серикова;\(Fixtures.iin().value);\(transit.iban);10
                """
            let (payroll, answer) = try await signed(t, company, csv: csv)
            let done = try await confirm(t, company, payroll, answer)
            #expect(done.lines.map(\.status) == ["failed", "paid", "failed"])
            #expect(done.lines.map(\.failureCode) == ["limit_exceeded", nil, "account_unavailable"])
            #expect(try await t.balance(staff.main) == 900_00)
        }
    }

    @Test(arguments: TestDatabase.all)
    func elevatedRisk_aboveTheHoldAmount_holdsEveryLine_forTheFraudTeam(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 20_000_000_00)
            let staff = try await t.paymentCompany(funds: 0)
            let csv = "Асель Оспанова;\(Fixtures.iin().value);\(staff.main.iban);6000000"
            // signed and confirmed from another network than the director's session
            let (payroll, answer) = try await signed(t, company, csv: csv, ip: "192.168.7.7")
            let done = try await confirm(t, company, payroll, answer, ip: "192.168.7.7")
            #expect(done.lines.map(\.status) == ["held"])
            #expect(try await t.balance(staff.main) == 0)
            let analyst = try await t.staffToken(.fraud)
            let holds = try await t.send(.GET, "/api/v1/staff/fraud/holds", token: analyst).content.decode([PaymentOrderView].self)
            #expect(holds.count == 1)
            try await t.send(.POST, "/api/v1/staff/fraud/holds/\(holds[0].id)/release", token: analyst).requireStatus(.ok)
            let after = try await t.send(.GET, "/api/v1/payrolls/\(payroll.id)", token: company.director.token).content.decode(PayrollView.self)
            #expect(after.lines.map(\.status) == ["paid"])
            #expect(try await t.balance(staff.main) == 6_000_000_00)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRunStoppedBetweenLines_isResumed_andEveryLinePaidOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let staff = try await t.paymentCompany(funds: 0)
            let external = try #require(IBAN.make(bankCode: Self.otherBank, accountPart: "0000000054321")).value
            let csv = """
                Асель Оспанова;\(Fixtures.iin().value);\(staff.main.iban);100
                Ержан Касымов;\(Fixtures.iin().value);\(staff.second.iban);200
                Дана Серикова;\(Fixtures.iin().value);\(external);300
                """
            let (payroll, answer) = try await signed(t, company, csv: csv)
            let caller = try await t.caller(company.director)
            // the process "dies" after the first line
            await #expect(throws: PayrollRunner.Interrupted.self) {
                _ = try await PayrollService(services: t.services).confirm(
                    payrollID: payroll.id,
                    caller: caller,
                    challengeID: answer.challengeId,
                    code: answer.code,
                    runner: PayrollRunner(services: t.services, stopAfterLines: 1),
                    on: t.db
                )
            }
            var lines = try await PayrollLine.query(on: t.db).sort(\.$lineNumber).all()
            #expect(lines.map(\.status) == [.paid, .pending, .pending])
            #expect(try await Payroll.find(payroll.id, on: t.db)?.status == .executing)
            // a live run is left alone; an abandoned one is finished
            #expect(try await PayrollRunner(services: t.services).resumeInterrupted(on: t.db) == 0)
            t.clock.advance(seconds: PayrollRunner.abandonedAfter + 1)
            #expect(try await PayrollRunner(services: t.services).resumeInterrupted(on: t.db) == 1)
            lines = try await PayrollLine.query(on: t.db).sort(\.$lineNumber).all()
            #expect(lines.map(\.status) == [.paid, .paid, .paid])
            #expect(try await Payroll.find(payroll.id, on: t.db)?.status == .executed)
            #expect(try await PayrollRunner(services: t.services).resumeInterrupted(on: t.db) == 0)
            #expect(try await t.balance(staff.main) == 100_00)
            #expect(try await t.balance(staff.second) == 200_00)
            #expect(try await ClearingMessage.query(on: t.db).count() == 1)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }
}
