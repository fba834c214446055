import BankCore
import Fluent
import Foundation

/// The one path for telling a user something (§2.2.3, §2.2.8): picks the channels the category and the user's
/// choice allow, writes the SMS, e-mail and push outboxes and the in-app inbox inside the caller's transaction,
/// so a notice exists exactly when the change that caused it does.
/// - security: always SMS and inbox, whatever the preferences (plus any channel asked for);
/// - operational: always the inbox, plus the asked-for channels the user keeps on;
/// - marketing: nothing without a live `marketing` consent; then only the asked-for channels the user chose.
struct NotificationService: Sendable {
    let services: BankServices

    /// Returns the channels the notification was written to (push only when a device has a token).
    @discardableResult
    func notify(
        _ user: User,
        _ category: NotificationCategory,
        _ message: NotificationMessage,
        channels requested: Set<NotificationChannel> = Set(NotificationChannel.allCases),
        language hint: Language? = nil,
        smsTo phoneOverride: PhoneNumber? = nil,
        on database: any Database
    ) async throws -> Set<NotificationChannel> {
        try await notify(
            userID: try user.requireID(),
            category,
            message,
            channels: requested,
            language: hint,
            smsTo: phoneOverride,
            user: user,
            on: database
        )
    }

    /// The same by id: the user row is read only when SMS or e-mail is to be written (the busiest caller, a payment's
    /// execution notice, asks for in-app and push).
    @discardableResult
    func notify(
        userID: UUID,
        _ category: NotificationCategory,
        _ message: NotificationMessage,
        channels requested: Set<NotificationChannel> = Set(NotificationChannel.allCases),
        language hint: Language? = nil,
        smsTo phoneOverride: PhoneNumber? = nil,
        user known: User? = nil,
        on database: any Database
    ) async throws -> Set<NotificationChannel> {
        var known = known
        if category != .security {
            // Law 94-V art. 24–25: a data block stops every notice but security ones; §6.2: no marketing before
            // the edition in force is accepted
            if known == nil { known = try await User.find(userID, on: database) }
            guard let user = known, try await mayReceive(category, user: user, on: database) else { return [] }
        }
        let preferences = try await NotificationPreferences(services: services).current(userID, on: database)
        var channels: Set<NotificationChannel>
        switch category {
        case .security:
            channels = requested.union(NotificationPreferences.security)
        case .operational:
            channels = requested.intersection(preferences.operational).union([.inApp])
        case .marketing:
            guard try await ConsentService(services: services).live(.marketing, userID: userID, on: database) != nil else { return [] }
            channels = requested.intersection(preferences.marketing)
        }
        guard !channels.isEmpty else { return [] }
        let language = preferences.language ?? hint ?? .kk
        let rendered = message.render(services.localizer, category: category, in: language)
        // art. 16: push (APNs/FCM) and e-mail carry a text without details; the inbox and SMS stay in the country
        let relayed = message.renderForRelay(services.localizer, category: category, in: language)
        if channels.contains(.inApp) { try await Inbox(services: services).add(message, category: category, userID: userID, on: database) }
        if channels.contains(.sms) || channels.contains(.email) {
            var loaded = known
            if loaded == nil { loaded = try await User.find(userID, on: database) }
            guard let user = loaded else { return [] }
            let person = try await services.vault.open(user, on: database)
            if channels.contains(.sms) {
                let phone = phoneOverride ?? person.phone
                try await SMSOutbox(services: services).enqueue(
                    to: phone,
                    text: rendered.body,
                    category: category.rawValue,
                    userID: userID,
                    on: database
                )
            }
            if channels.contains(.email) {
                try await EmailOutbox(services: services).enqueue(
                    to: person.email,
                    subject: relayed.title,
                    body: relayed.body,
                    category: category.rawValue,
                    userID: userID,
                    on: database
                )
            }
        }
        if channels.contains(.push) {
            let devices = try await PushOutbox(services: services)
                .enqueue(toDevicesOf: userID, title: relayed.title, body: relayed.body, category: category.rawValue, on: database)
            if devices == 0 { channels.remove(.push) }
        }
        return channels
    }

    /// Whether a non-security notice may reach `user`: not while their data is blocked (Law 94-V art. 24–25); and
    /// marketing only once they accepted the edition in force (§6.2), whatever their consent says.
    func mayReceive(_ category: NotificationCategory, user: User, on database: any Database) async throws -> Bool {
        guard category != .security else { return true }
        guard user.status != .dataBlocked else { return false }
        if category == .marketing, let current = try await services.policyVersions.current(on: database) {
            return user.acceptedPolicyVersion >= current
        }
        return true
    }

    /// §2.2.8: once the marketing consent is withdrawn nothing still waiting may go out, on any channel.
    func cancelPendingMarketing(for userID: UUID, on database: any Database) async throws {
        let category = NotificationCategory.marketing.rawValue
        try await SMSMessage.query(on: database).filter(\.$userID == userID).filter(\.$category == category).filter(\.$status == .pending).delete()
        try await EmailMessage.query(on: database).filter(\.$userID == userID).filter(\.$category == category).filter(\.$status == .pending).delete()
        try await PushMessage.query(on: database).filter(\.$userID == userID).filter(\.$category == category).filter(\.$status == .pending).delete()
    }
}
