import BankAPI
import Fluent
import Foundation

/// The notifications area's part of the subject's data (Law 94-V art. 24: export; art. 18: destruction): inbox,
/// push tokens, preferences and the messages still held in the push outbox.
struct NotificationsExport: Sendable {
    let services: BankServices

    func add(to export: inout PersonalDataExport, userID: UUID, language: Language, on database: any Database) async throws {
        let inbox = Inbox(services: services)
        export.inbox = try await InboxItem.query(on: database).filter(\.$userID == userID)
            .sort(\.$createdAt, .descending).all().map { try inbox.view($0, in: language) }
        export.pushTokens = try await PushTokens(services: services).list(userID: userID, on: database)
        let preferences = NotificationPreferences(services: services)
        export.notificationPreferences = try await preferences.view(try await preferences.current(userID, on: database), userID: userID, on: database)
    }

    static func destroy(userID: UUID, on database: any Database) async throws {
        try await InboxItem.query(on: database).filter(\.$userID == userID).delete()
        try await PushMessage.query(on: database).filter(\.$userID == userID).delete()
        try await PushToken.query(on: database).filter(\.$userID == userID).delete()
        try await NotificationPreference.query(on: database).filter(\.$userID == userID).delete()
    }
}
