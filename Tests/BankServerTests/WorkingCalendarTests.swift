import BankCore
import Foundation
import Testing

@testable import BankServer

/// The bundled Kazakhstan holidays file, read through `WorkingCalendar` (its rules are tested in BankCoreTests).
@Suite("Working days for legal deadlines (Law 94-V art. 25)")
struct WorkingCalendarTests {
    private let calendar = try! WorkingCalendar.bundled()  // a missing resource is a build error, not a test case

    private func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func oneWorkingDay_afterAFriday_endsOnMonday() {
        let due = calendar.endOfWorkingDay(after: date("2026-09-25T14:00:00+05:00"), workingDays: 1)
        #expect(due == date("2026-09-28T23:59:59+05:00"))
    }

    @Test func publicHolidays_andSubstituteDaysOff_areSkipped() {
        // 16 December (Independence Day) is a Wednesday in 2026
        #expect(calendar.endOfWorkingDay(after: date("2026-12-15T10:00:00+05:00"), workingDays: 1) > date("2026-12-17T23:59:00+05:00"))
        #expect(!calendar.isWorkingDay(date("2026-12-16T12:00:00+05:00")))
        // 2027: New Year falls on Friday and Saturday; Monday the 4th is the substitute day off
        #expect(!calendar.isWorkingDay(date("2027-01-04T12:00:00+05:00")))
        let due = calendar.endOfWorkingDay(after: date("2026-12-31T18:00:00+05:00"), workingDays: 1)
        #expect(due == date("2027-01-05T23:59:59+05:00"))
    }

    @Test func aWeekendDayMadeWorking_counts() {
        // Sunday 5 January 2025 was a working day (moved to Friday 3 January)
        #expect(calendar.isWorkingDay(date("2025-01-05T12:00:00+05:00")))
        #expect(!calendar.isWorkingDay(date("2025-01-03T12:00:00+05:00")))
    }

    @Test func threeWorkingDays_countOnlyWorkingDays() {
        let due = calendar.endOfWorkingDay(after: date("2026-09-24T09:00:00+05:00"), workingDays: 3)  // Thursday
        #expect(due == date("2026-09-29T23:59:59+05:00"))
    }
}
