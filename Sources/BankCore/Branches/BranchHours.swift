import Foundation

/// Opening hours, one interval or `closed` per weekday, in Kazakhstan time. The whole country has been on UTC+5
/// since 1 March 2024; the offset is fixed (no daylight saving), so local time is plain arithmetic.
public struct BranchHours: Sendable, Equatable {
    /// Minutes after local midnight, `opens < closes`; nil on a closed day. Monday first.
    public let days: [Range<Int>?]

    public static let kazakhstanOffsetSeconds: Int64 = 5 * 3600

    /// Parses `"09:00-18:00"` (end `24:00` allowed) or `"closed"`; nil when the text is neither.
    public static func interval(_ text: String) -> Range<Int>?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "closed" { return .some(nil) }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = minutes(parts[0], allowEndOfDay: false), let closes = minutes(parts[1], allowEndOfDay: true),
            opens < closes
        else { return nil }
        return .some(opens..<closes)
    }

    private static func minutes(_ text: Substring, allowEndOfDay: Bool) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2, let hours = Int(pieces[0]), let minutes = Int(pieces[1]),
            pieces.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        if allowEndOfDay, hours == 24, minutes == 0 { return 24 * 60 }
        guard (0...23).contains(hours), (0...59).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    /// The weekday (0 = Monday) and minute of the day in Kazakhstan at `date`.
    public static func kazakhstanWeekdayAndMinute(_ date: Date) -> (weekday: Int, minute: Int) {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + kazakhstanOffsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - day * 86_400
        // 1 January 1970 was a Thursday (weekday 3 counting from Monday).
        let weekday = Int(((day + 3) % 7 + 7) % 7)
        return (weekday, Int(secondOfDay / 60))
    }

    public func isOpen(at date: Date) -> Bool {
        let (weekday, minute) = Self.kazakhstanWeekdayAndMinute(date)
        return days[weekday]?.contains(minute) ?? false
    }

    /// The canonical text of the seven days, Monday first: `"09:00-18:00"` or `"closed"` (the API's `WeeklyHours.ordered`).
    public var entries: [String] {
        (0..<7).map { index in
            guard index < days.count, let range = days[index] else { return "closed" }
            func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
            return clock(range.lowerBound) + "-" + clock(range.upperBound)
        }
    }

    /// The stored form: seven canonical entries, Monday first, comma-separated.
    public var stored: String { entries.joined(separator: ",") }

    /// Reads the stored form; a row that does not parse counts as closed (it cannot: every write is validated).
    public init(stored: String) {
        let entries = stored.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        days = (0..<7).map { index in index < entries.count ? (Self.interval(entries[index]) ?? nil) : nil }
    }

    public init(days: [Range<Int>?]) {
        self.days = days
    }
}
