import BankCore
import Foundation
import Testing

@Suite("Branch opening hours in Kazakhstan time (§2.3.1)")
struct BranchHoursTests {
    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test
    func kazakhstanTime_isUTCPlusFive() {
        // 2026-01-05 is a Monday; 19:30 UTC is 00:30 on Tuesday in Almaty and Astana
        let date = Date(timeIntervalSince1970: 1_767_641_400)
        #expect(BranchHours.kazakhstanWeekdayAndMinute(date) == (1, 30))
        #expect(BranchHours.kazakhstanWeekdayAndMinute(date.addingTimeInterval(-3600)) == (0, 23 * 60 + 30))
    }

    @Test func interval_readsHoursOrClosed_andRefusesAnythingElse() {
        #expect(BranchHours.interval("09:00-18:00") == .some(540..<1080))
        #expect(BranchHours.interval("00:00-24:00") == .some(0..<1440))
        #expect(BranchHours.interval(" Closed ") == .some(nil))
        for bad in ["18:00-09:00", "9:00-18:00", "09:00-18:60", "24:00-24:00", "09:00", "09:00-18:00-20:00", "０９:00-18:00"] {
            #expect(BranchHours.interval(bad) == nil, "\(bad)")
        }
    }

    @Test func openNow_includesTheOpeningMinute_andExcludesTheClosingOne() {
        // given: Monday 09:00-18:00, every other day closed
        let hours = BranchHours(stored: "09:00-18:00,closed,closed,closed,closed,closed,closed")
        // then: Monday 5 January 2026 in Almaty (UTC+5)
        #expect(!hours.isOpen(at: date("2026-01-05T03:59:00Z")))  // 08:59
        #expect(hours.isOpen(at: date("2026-01-05T04:00:00Z")))  // 09:00
        #expect(hours.isOpen(at: date("2026-01-05T12:59:00Z")))  // 17:59
        #expect(!hours.isOpen(at: date("2026-01-05T13:00:00Z")))  // 18:00
        #expect(!hours.isOpen(at: date("2026-01-06T04:00:00Z")))  // Tuesday 09:00
    }

    @Test func allDay_isOpenAtTheLastMinute() {
        let hours = BranchHours(stored: "closed,closed,closed,closed,00:00-24:00,closed,closed")
        #expect(hours.isOpen(at: date("2026-01-09T18:59:00Z")))  // Friday 23:59
        #expect(!hours.isOpen(at: date("2026-01-09T19:00:00Z")))  // Saturday 00:00
    }

    @Test func storedForm_roundTrips_andMissingDaysAreClosed() {
        let week = "09:00-18:00,09:00-18:00,09:00-18:00,09:00-18:00,09:00-17:00,10:00-14:00,closed"
        #expect(BranchHours(stored: week).stored == week)
        #expect(BranchHours(stored: "09:30-18:00").stored == "09:30-18:00,closed,closed,closed,closed,closed,closed")
        #expect(BranchHours(days: [0..<1440]).entries == ["00:00-24:00", "closed", "closed", "closed", "closed", "closed", "closed"])
    }
}
