import Foundation

/// DOMAIN.md cut-off: an interbank payment sent after the day's cut-off (18:00 Kazakhstan time by default), or on a
/// day the banks do not work, settles on the next working day. One dated later than that keeps its own value date,
/// moved forward to a working day if it falls on a weekend or a holiday. The order's signed value date is not
/// changed: the settlement date is what the clearing message carries.
public struct ClearingCutOff: Sendable {
    public let calendar: WorkingCalendar
    /// Minutes after midnight, Kazakhstan time.
    public let cutOffMinutes: Int

    public init(calendar: WorkingCalendar, cutOffMinutes: Int) {
        self.calendar = calendar
        self.cutOffMinutes = cutOffMinutes
    }

    public func settlementDate(requested: CivilDate, sentAt: Date) -> CivilDate {
        guard let (today, minutes) = calendar.localDay(of: sentAt) else { return requested }
        let earliest = minutes >= cutOffMinutes ? today.adding(days: 1) : today
        var day = max(earliest, requested)
        // A year of holidays back to back cannot happen; the bound keeps a broken calendar file from looping.
        var skipped = 0
        while !calendar.isWorkingDay(day), skipped < 366 {
            day = day.adding(days: 1)
            skipped += 1
        }
        return day
    }
}
