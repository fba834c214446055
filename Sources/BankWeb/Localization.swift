import Foundation

/// The web app's languages: Kazakh first (the policy's authoritative text), Russian, English.
public enum Language: String, CaseIterable, Sendable {
    case kk, ru, en

    /// The `lang` cookie first, then the first supported `Accept-Language` tag, then Kazakh.
    static func choose(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let language = Language(rawValue: cookie) { return language }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let language = Language(rawValue: String(tag.prefix(2))) { return language }
        }
        return .kk
    }
}

/// Every string a page shows, from one table (`Resources/strings/*.json`, one file per area: key → kk, ru, en). A
/// key missing from the table shows as the key itself, and a test checks that every key the pages use has all three
/// languages.
public struct WebStrings: Sendable {
    let table: [String: [String: String]]

    public static let bundled: WebStrings = {
        var table: [String: [String: String]] = [:]
        let folder = Bundle.module.url(forResource: "strings", withExtension: nil, subdirectory: "Resources")
        let files = folder.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) } ?? []
        for url in files where url.pathExtension == "json" {
            guard let data = try? Data(contentsOf: url),
                let part = try? JSONDecoder().decode([String: [String: String]].self, from: data)
            else { continue }
            table.merge(part) { first, _ in first }
        }
        return WebStrings(table: table)
    }()

    func text(_ key: String, _ language: Language) -> String { table[key]?[language.rawValue] ?? key }
}

/// Money as Kazakhstan writes it: `1 234 567,89 ₸` (no-break spaces between groups, a comma before the tiyn).
enum MoneyFormat {
    static func text(minorUnits: Int64, currency: String) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let whole = String(magnitude / 100)
        let fraction = String(format: "%02d", Int(magnitude % 100))
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += "\u{00A0}" }
            grouped.append(digit)
        }
        let symbol = ["KZT": "₸", "USD": "$", "EUR": "€", "RUB": "₽"][currency] ?? currency
        return (negative ? "−" : "") + grouped + "," + fraction + "\u{00A0}" + symbol
    }
}

/// Dates and times in Kazakhstan time (UTC+5 across the country since 1 March 2024).
enum KazakhstanTime {
    static let zone = TimeZone(secondsFromGMT: 5 * 3600) ?? .current
    /// Built once: a calendar is a value and safe to share, unlike a `DateFormatter` made per call.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// `dd.MM.yyyy HH:mm` in Kazakhstan time.
    static func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d.%02d.%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `yyyy-MM-dd` in Kazakhstan time.
    static func today(_ now: Date = Date()) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
