import BankCore
import Foundation
import Testing

@Suite("Interbank cut-off: after 18:00 or on a day off, the next working day (DOMAIN.md)")
struct ClearingCutOffTests {
    /// 16 December, Independence Day, is a Wednesday in 2026.
    private let cutOff = ClearingCutOff(calendar: WorkingCalendar(holidays: ["2026-12-16"]), cutOffMinutes: 18 * 60)

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
        #expect(cutOff.settlementDate(requested: day("2026-12-15"), sentAt: date("2026-12-15T20:00:00+05:00")) == day("2026-12-17"))
    }

    @Test func aLaterValueDate_isKept_onAWorkingDay() {
        #expect(cutOff.settlementDate(requested: day("2026-12-10"), sentAt: date("2026-12-01T19:00:00+05:00")) == day("2026-12-10"))
        #expect(cutOff.settlementDate(requested: day("2026-12-16"), sentAt: date("2026-12-01T09:00:00+05:00")) == day("2026-12-17"))
    }

    @Test func anEarlierValueDate_settlesNoEarlierThanToday() {
        #expect(cutOff.settlementDate(requested: day("2026-11-27"), sentAt: date("2026-11-30T10:00:00+05:00")) == day("2026-11-30"))
    }
}
