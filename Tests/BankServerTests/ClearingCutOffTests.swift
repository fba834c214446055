import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Interbank cut-off: after 18:00 or on a day off, the next working day (DOMAIN.md)")
struct ClearingCutOffTests {
    private let cutOff = ClearingCutOff(calendar: try! WorkingCalendar.bundled(), cutOffMinutes: 18 * 60)  // a missing resource is a build error

    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    private func day(_ iso: String) -> CivilDate { try! CivilDate(iso) }

    @Test func beforeTheCutOff_settlesToday_afterIt_theNextWorkingDay() {
        #expect(cutOff.settlementDate(requested: day("2026-11-30"), sentAt: date("2026-11-30T17:59:00+05:00")) == day("2026-11-30"))
        #expect(cutOff.settlementDate(requested: day("2026-11-30"), sentAt: date("2026-11-30T18:00:00+05:00")) == day("2026-12-01"))
        // 13:30 UTC is 18:30 in Almaty: the cut-off is Kazakhstan time, not the server's
        #expect(cutOff.settlementDate(requested: day("2026-11-30"), sentAt: date("2026-11-30T13:30:00Z")) == day("2026-12-01"))
    }

    @Test func fridayEvening_weekends_andHolidays_moveToTheNextWorkingDay() {
        #expect(cutOff.settlementDate(requested: day("2026-12-04"), sentAt: date("2026-12-04T19:00:00+05:00")) == day("2026-12-07"))
        #expect(cutOff.settlementDate(requested: day("2026-12-05"), sentAt: date("2026-12-05T10:00:00+05:00")) == day("2026-12-07"))
        // 16 December, Independence Day, is a Wednesday in 2026
        #expect(cutOff.settlementDate(requested: day("2026-12-15"), sentAt: date("2026-12-15T20:00:00+05:00")) == day("2026-12-17"))
    }

    @Test func aLaterValueDate_isKept_onAWorkingDay() {
        #expect(cutOff.settlementDate(requested: day("2026-12-10"), sentAt: date("2026-12-01T19:00:00+05:00")) == day("2026-12-10"))
        #expect(cutOff.settlementDate(requested: day("2026-12-16"), sentAt: date("2026-12-01T09:00:00+05:00")) == day("2026-12-17"))
    }

    @Test func configuration_readsHHMM_andRefusesAnythingElse() {
        var problems: [String] = []
        #expect(AppConfig.minutesOfDay("17:30", default: 1080, problems: &problems) == 17 * 60 + 30)
        #expect(AppConfig.minutesOfDay(nil, default: 1080, problems: &problems) == 1080)
        #expect(problems.isEmpty)
        for bad in ["25:00", "18", "6:00", "18:60", "aa:bb"] { _ = AppConfig.minutesOfDay(bad, default: 1080, problems: &problems) }
        #expect(problems.count == 5)
    }

    @Test(arguments: TestDatabase.all)
    func anInterbankPayment_sentAfterTheCutOff_carriesTheNextWorkingDay(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: Friday 4 December 2026, 18:30 in Almaty
            t.clock.advance(seconds: date("2026-12-04T18:30:00+05:00").timeIntervalSince(t.clock.now()))
            let company = try await t.paymentCompany()
            var input = t.order(from: company.main, to: company.second, amount: "100")
            input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000012345")).value
            input.beneficiaryBIC = "HSBKKZKX"
            let draft = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                .requireStatus(.created).content.decode(PaymentOrderView.self)
            // when
            try await t.signAndConfirm(draft.id, company).requireStatus(.ok)
            // then: the message settles on Monday; the signed order keeps its own value date
            let message = try #require(try await ClearingMessage.query(on: t.db).filter(\.$payment.$id == draft.id).first())
            #expect(message.xml.contains("<IntrBkSttlmDt>2026-12-07</IntrBkSttlmDt>"))
            #expect(try await PaymentOrderRecord.find(draft.id, on: t.db)?.valueDate == "2026-12-04")
        }
    }
}
