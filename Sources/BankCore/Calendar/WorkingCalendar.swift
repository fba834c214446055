import Foundation

/// Working days in Kazakhstan for legal deadlines (Law 94-V art. 25; breach notices) and interbank settlement:
/// Monday to Friday in Kazakhstan time (UTC+5), minus public holidays and their substitute days off, plus weekend days
/// the government made working days (the server's `Resources/Privacy/kz-holidays.json`, read by `init(holidayFile:)`).
public struct WorkingCalendar: Sendable {
    /// Kazakhstan has one time zone, UTC+5, since 1 March 2024; a fixed offset does not depend on the
    /// machine's tzdata being new enough to know that.
    public static let kazakhstan = TimeZone(secondsFromGMT: 5 * 3600) ?? .gmt

    private let holidays: Set<String>
    private let workingWeekendDays: Set<String>
    private let calendar: Calendar

    /// Days as `YYYY-MM-DD`: `holidays` are not worked although they fall Monday to Friday, `workingWeekendDays` are.
    public init(holidays: Set<String> = [], workingWeekendDays: Set<String> = []) {
        self.holidays = holidays
        self.workingWeekendDays = workingWeekendDays
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.kazakhstan
        self.calendar = calendar
    }

    /// Reads the holidays file: `{"days": [{"date": "YYYY-MM-DD", …}], "workingSaturdays": ["YYYY-MM-DD"]}`.
    public init(holidayFile data: Data) throws {
        struct File: Decodable {
            struct Day: Decodable { let date: String }
            let days: [Day]
            let workingSaturdays: [String]
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        self.init(holidays: Set(file.days.map(\.date)), workingWeekendDays: Set(file.workingSaturdays))
    }

    /// The end (23:59:59, whole seconds so it survives ISO 8601 on the wire) of the `workingDays`-th working day after the day `date` falls on.
    public func endOfWorkingDay(after date: Date, workingDays: Int) -> Date {
        var day = calendar.startOfDay(for: date)
        var remaining = max(0, workingDays)
        while remaining > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day
            if isWorkingDay(day) { remaining -= 1 }
        }
        let nextDay = calendar.date(byAdding: .day, value: 1, to: day) ?? day
        return nextDay.addingTimeInterval(-1)
    }

    /// The same time of day `n` working days after `date`; the day of `date` itself does not count.
    public func addingWorkingDays(_ n: Int, to date: Date) -> Date {
        var day = date
        var remaining = max(0, n)
        while remaining > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Whether the Kazakhstan day `date` falls on is a working day.
    public func isWorkingDay(_ date: Date) -> Bool {
        let key = Self.key(date, calendar)
        if workingWeekendDays.contains(key) { return true }
        if holidays.contains(key) { return false }
        let weekday = calendar.component(.weekday, from: date)
        return weekday != 1 && weekday != 7
    }

    /// The same for a calendar date (a payment's value date), without a time of day.
    public func isWorkingDay(_ day: CivilDate) -> Bool {
        if workingWeekendDays.contains(day.description) { return true }
        if holidays.contains(day.description) { return false }
        return day.weekday <= 5
    }

    /// The calendar date in Kazakhstan at `date`, and the minutes since that day's midnight.
    public func localDay(of date: Date) -> (day: CivilDate, minutes: Int)? {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day,
            let day = try? CivilDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        return (day, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    private static func key(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
