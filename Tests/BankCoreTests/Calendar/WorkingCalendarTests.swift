import BankCore
import Foundation
import Testing

/// The rules with holidays injected; the bundled Kazakhstan file itself is checked in BankServerTests.
@Suite("Working days in Kazakhstan time (Law 94-V art. 25)")
struct WorkingCalendarTests {
    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    private func day(_ iso: String) -> CivilDate { try! CivilDate(iso) }

    @Test
    func workingCalendar_skipsWeekendsAndInjectedHolidays() throws {
        let friday = try #require(ISO8601DateFormatter().date(from: "2026-12-11T10:00:00Z"))  // Friday 15:00 Almaty
        let plain = WorkingCalendar()
        #expect(plain.endOfWorkingDay(after: friday, workingDays: 1) == ISO8601DateFormatter().date(from: "2026-12-14T18:59:59Z"))
        // 16 December (Independence Day) as an injected holiday
        let withHoliday = WorkingCalendar(holidays: ["2026-12-16"])
        #expect(withHoliday.addingWorkingDays(3, to: friday) == ISO8601DateFormatter().date(from: "2026-12-17T10:00:00Z"))
        // just after midnight in Almaty it is still the previous day in UTC: the Almaty day counts
        let lateMonday = try #require(ISO8601DateFormatter().date(from: "2026-12-14T20:30:00Z"))  // Tuesday 01:30 Almaty
        #expect(plain.endOfWorkingDay(after: lateMonday, workingDays: 1) == ISO8601DateFormatter().date(from: "2026-12-16T18:59:59Z"))
    }

    @Test
    func threeWorkingDays_afterAFriday_crossTheWeekendAndAHoliday() {
        // given: Wednesday 16 December 2026 is a holiday
        let calendar = WorkingCalendar(holidays: ["2026-12-16"])
        // when: three working days after Friday the 11th (Monday 14, Tuesday 15, Thursday 17)
        let due = calendar.endOfWorkingDay(after: date("2026-12-11T14:00:00+05:00"), workingDays: 3)
        // then
        #expect(due == date("2026-12-17T23:59:59+05:00"))
    }

    @Test
    func zeroWorkingDays_endsTheSameDay_evenAHoliday() {
        let calendar = WorkingCalendar(holidays: ["2026-12-16"])
        #expect(calendar.endOfWorkingDay(after: date("2026-12-16T09:00:00+05:00"), workingDays: 0) == date("2026-12-16T23:59:59+05:00"))
    }

    @Test
    func aWeekendDayMadeWorking_counts_andAWeekdayHoliday_doesNot() {
        // Sunday 5 January 2025 was worked in place of Friday 3 January
        let calendar = WorkingCalendar(holidays: ["2025-01-03"], workingWeekendDays: ["2025-01-05"])
        #expect(calendar.isWorkingDay(date("2025-01-05T12:00:00+05:00")))
        #expect(!calendar.isWorkingDay(date("2025-01-03T12:00:00+05:00")))
        #expect(!calendar.isWorkingDay(date("2025-01-04T12:00:00+05:00")))  // an ordinary Saturday
        #expect(calendar.isWorkingDay(day("2025-01-05")))
        #expect(!calendar.isWorkingDay(day("2025-01-03")))
        #expect(!calendar.isWorkingDay(day("2025-01-04")))
        #expect(calendar.isWorkingDay(day("2025-01-06")))
    }

    @Test
    func localDay_isTheAlmatyDate_andMinutesSinceItsMidnight() throws {
        // 19:30 UTC on 30 November is 00:30 on 1 December in Almaty
        let local = try #require(WorkingCalendar().localDay(of: date("2026-11-30T19:30:00Z")))
        #expect(local.day == day("2026-12-01"))
        #expect(local.minutes == 30)
    }

    @Test
    func holidayFile_isRead_andAMalformedOneThrows() throws {
        let json = #"{"days": [{"date": "2026-12-16", "kind": "holiday"}], "workingSaturdays": ["2025-01-05"]}"#
        let calendar = try WorkingCalendar(holidayFile: Data(json.utf8))
        #expect(!calendar.isWorkingDay(day("2026-12-16")))
        #expect(calendar.isWorkingDay(day("2025-01-05")))
        #expect(throws: (any Error).self) { try WorkingCalendar(holidayFile: Data(#"{"days": []}"#.utf8)) }
    }
}
