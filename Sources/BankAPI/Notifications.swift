import Foundation

/// §2.2.3, §2.2.8: which channels each category of notification may use. Security notices always go by SMS and
/// in-app; operational ones always in-app; marketing only with a live `marketing` consent and on the channels
/// chosen here. Channels: `push`, `sms`, `email`, `in_app`.
public struct NotificationPreferencesView: Codable, Sendable, Equatable {
    /// The language of messages sent outside a request (payments executed, offers); null: the request's or Kazakh.
    public var language: String?
    /// Always `in_app` and `sms`: shown so the app can say so, never switchable.
    public var security: [String]
    public var operational: [String]
    public var marketing: [String]
    /// Whether the `marketing` consent is live: without it no marketing message goes out on any channel.
    public var marketingConsent: Bool

    public init(language: String?, security: [String], operational: [String], marketing: [String], marketingConsent: Bool) {
        self.language = language
        self.security = security
        self.operational = operational
        self.marketing = marketing
        self.marketingConsent = marketingConsent
    }
}

/// `PUT /me/notification-preferences`: the whole choice; `in_app` is always kept for operational notices.
public struct NotificationPreferencesUpdate: Codable, Sendable {
    public var language: String?
    public var operational: [String]
    public var marketing: [String]

    public init(language: String? = nil, operational: [String], marketing: [String]) {
        self.language = language
        self.operational = operational
        self.marketing = marketing
    }
}

/// One in-app inbox entry, rendered in the reader's language.
public struct InboxItemView: Codable, Sendable, Equatable {
    public var id: UUID
    /// operational, security or marketing.
    public var category: String
    public var title: String
    public var body: String
    /// For news, tariffs and offers: the content item to open.
    public var contentId: UUID?
    public var createdAt: Date
    public var readAt: Date?

    public init(id: UUID, category: String, title: String, body: String, contentId: UUID?, createdAt: Date, readAt: Date?) {
        self.id = id
        self.category = category
        self.title = title
        self.body = body
        self.contentId = contentId
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// A page of the inbox, newest first, with the number of unread entries.
public struct InboxPage: Codable, Sendable {
    public var items: [InboxItemView]
    public var nextCursor: String?
    public var unreadCount: Int

    public init(items: [InboxItemView], nextCursor: String?, unreadCount: Int) {
        self.items = items
        self.nextCursor = nextCursor
        self.unreadCount = unreadCount
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor, unreadCount }

    /// `nextCursor` is always present, `null` on the last page.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(unreadCount, forKey: .unreadCount)
    }
}

/// `PUT /me/devices/{deviceId}/push-token`: the token the platform (APNs or FCM) gave this installation.
public struct PushTokenRegistration: Codable, Sendable {
    public var token: String
    /// `apns` or `fcm`.
    public var platform: String

    public init(token: String, platform: String) {
        self.token = token
        self.platform = platform
    }
}

/// A registered push token as its owner sees it: only its last characters.
public struct PushTokenView: Codable, Sendable, Equatable {
    public var deviceId: UUID
    public var platform: String
    public var tokenEnding: String
    public var registeredAt: Date

    public init(deviceId: UUID, platform: String, tokenEnding: String, registeredAt: Date) {
        self.deviceId = deviceId
        self.platform = platform
        self.tokenEnding = tokenEnding
        self.registeredAt = registeredAt
    }
}

/// A text in the three languages the bank publishes in.
public struct LocalizedText: Codable, Sendable, Equatable {
    public var kk: String
    public var ru: String
    public var en: String

    public init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }
}

/// `POST /staff/content` (§2.2.8): news, a tariff or an offer; `notify` sends an offer through the marketing path.
public struct ContentPublishRequest: Codable, Sendable {
    /// news, tariff or offer.
    public var kind: String
    public var title: LocalizedText
    public var body: LocalizedText
    /// When it becomes visible; now when absent.
    public var publishedAt: Date?
    public var notify: Bool?

    public init(kind: String, title: LocalizedText, body: LocalizedText, publishedAt: Date? = nil, notify: Bool? = nil) {
        self.kind = kind
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.notify = notify
    }
}

/// A published item in the reader's language.
public struct ContentView: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var language: String
    public var title: String
    public var body: String
    public var publishedAt: Date

    public init(id: UUID, kind: String, language: String, title: String, body: String, publishedAt: Date) {
        self.id = id
        self.kind = kind
        self.language = language
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
    }
}

/// A content item as staff see it: every language, and how many users an offer was sent to.
public struct StaffContentView: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var title: LocalizedText
    public var body: LocalizedText
    public var publishedAt: Date
    public var createdAt: Date
    public var recipients: Int?

    public init(id: UUID, kind: String, title: LocalizedText, body: LocalizedText, publishedAt: Date, createdAt: Date, recipients: Int?) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.recipients = recipients
    }
}
