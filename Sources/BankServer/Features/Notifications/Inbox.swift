import BankAPI
import Fluent
import Foundation
import SQLKit

/// The in-app inbox (§2.2.3): every notification the user gets in the app, newest first, read or unread, shown in
/// the reader's language. Only the owner's entries are ever found: another user's id is `not_found`.
struct Inbox: Sendable {
    let services: BankServices

    func add(_ message: NotificationMessage, category: NotificationCategory, userID: UUID, on database: any Database) async throws {
        let id = UUID()
        let item = InboxItem()
        item.id = id
        item.userID = userID
        item.category = category.rawValue
        item.templateKey = message.key
        item.parameters = try services.cipher.seal(
            try JSONEncoder().encode(message.parameters),
            with: services.cipher.keys.systemData,
            context: .init(table: "inbox", column: "parameters", row: id)
        )
        item.contentID = message.contentID
        item.createdAt = services.clock.now()
        try await item.create(on: database)
    }

    /// Keyset pages by (created_at, id), newest first; the cursor is the last id of the previous page.
    func page(of userID: UUID, after cursor: String?, limit: Int, language: Language, on database: any Database) async throws -> InboxPage {
        let anchorID = try cursor.map(KeysetAnchor.parse)
        if let anchorID, try await InboxItem.query(on: database).filter(\.$id == anchorID).filter(\.$userID == userID).first() == nil {
            throw BankError.validation([.init(field: "cursor", code: .invalidValue)])
        }
        let query = InboxItem.query(on: database).filter(\.$userID == userID)
        let (items, nextCursor) = try await KeysetAnchor.page(query, after: anchorID, time: "created_at", limit: limit)
        let unread = try await InboxItem.query(on: database).filter(\.$userID == userID).filter(\.$readAt == nil).count()
        return InboxPage(items: try items.map { try view($0, in: language) }, nextCursor: nextCursor, unreadCount: unread)
    }

    /// Marks one of the user's entries read (again: no change); another user's entry is `not_found`.
    func markRead(_ id: UUID, userID: UUID, on database: any Database) async throws {
        guard let item = try await InboxItem.query(on: database).filter(\.$id == id).filter(\.$userID == userID).first() else {
            throw BankError.notFound
        }
        guard item.readAt == nil else { return }
        item.readAt = services.clock.now()
        try await item.save(on: database)
    }

    /// Returns how many entries changed.
    @discardableResult
    func markAllRead(userID: UUID, on database: any Database) async throws -> Int {
        let unread = try await InboxItem.query(on: database).filter(\.$userID == userID).filter(\.$readAt == nil).count()
        try await InboxItem.query(on: database).filter(\.$userID == userID).filter(\.$readAt == nil)
            .set(\.$readAt, to: services.clock.now()).update()
        return unread
    }

    func view(_ item: InboxItem, in language: Language) throws -> InboxItemView {
        let id = try item.requireID()
        let sealed = try services.cipher.open(
            item.parameters,
            with: services.cipher.keys.systemData,
            context: .init(table: "inbox", column: "parameters", row: id)
        )
        let message = NotificationMessage(
            key: item.templateKey,
            parameters: try JSONDecoder().decode([String: String].self, from: sealed),
            contentID: item.contentID
        )
        let category = NotificationCategory(rawValue: item.category) ?? .operational
        let rendered = message.render(services.localizer, category: category, in: language)
        return InboxItemView(
            id: id,
            category: item.category,
            title: rendered.title,
            body: rendered.body,
            contentId: item.contentID,
            createdAt: item.createdAt,
            readAt: item.readAt
        )
    }
}
