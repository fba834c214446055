import Foundation

/// Working days for legal deadlines (Law 94-V: a breach is notified within one working day of detection).
/// A simple rule: Saturday and Sunday are days off, and so is every injected holiday (YYYY-MM-DD); days are
/// Almaty days.
struct WorkingCalendar: Sendable {
    private let holidays: Set<String>
    private let calendar: Calendar

    init(holidays: Set<String> = []) {
        self.holidays = holidays
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Almaty") ?? .gmt
        self.calendar = calendar
    }

    func isWorkingDay(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)  // 1 Sunday … 7 Saturday
        return weekday != 1 && weekday != 7 && !holidays.contains(dayKey(date))
    }

    /// The same time of day `n` working days after `date`; the day of `date` itself does not count.
    func addingWorkingDays(_ n: Int, to date: Date) -> Date {
        var day = date
        var remaining = n
        while remaining > 0 {
            day = nextDay(day)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The last second of the `workingDays`-th working day after `date`, Almaty time.
    func endOfWorkingDay(after date: Date, workingDays: Int) -> Date {
        nextDay(calendar.startOfDay(for: addingWorkingDays(workingDays, to: date))).addingTimeInterval(-1)
    }

    private func nextDay(_ date: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: date) ?? date.addingTimeInterval(86_400)
    }

    private func dayKey(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
