/// §2.2.3, §2.2.8: the three kinds of message the bank sends, each with its own rule for channels.
enum NotificationCategory: String, Codable, Sendable, CaseIterable {
    /// Payments, statements: always in the inbox; push, SMS and e-mail as the user chooses.
    case operational
    /// Sign-in from a new device, lock, password or contact change: always SMS and inbox, whatever the preferences.
    case security
    /// Offers, partner offers, news, tariffs (§2.2.8): only with a live `marketing` consent, on the chosen channels.
    case marketing
}

/// Where a notification can reach the user.
enum NotificationChannel: String, Codable, Sendable, CaseIterable, Comparable {
    case push
    case sms
    case email
    case inApp = "in_app"

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A stored list (`"in_app,push"`); unknown names are ignored.
    static func parse(_ stored: String) -> Set<NotificationChannel> {
        Set(stored.split(separator: ",").compactMap { NotificationChannel(rawValue: String($0)) })
    }

    static func store(_ channels: Set<NotificationChannel>) -> String { channels.sorted().map(\.rawValue).joined(separator: ",") }
}
