import BankCore
import Foundation

/// Escaping and formatting for the server's self-contained HTML pages (receipts, policy, exports).
enum HTMLText {
    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    /// YYYY-MM-DD in Kazakhstan time (UTC+5).
    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.kazakhstan
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
