import Fluent
import Foundation

/// Writes push messages into the outbox inside the caller's transaction, one per device holding a token,
/// title and body sealed with the system key.
struct PushOutbox: Sendable {
    let services: BankServices

    /// Returns how many devices a message was queued for (0: the user has no push token).
    @discardableResult
    func enqueue(toDevicesOf userID: UUID, title: String, body: String, category: String, on database: any Database) async throws -> Int {
        let tokens = try await PushToken.query(on: database).filter(\.$userID == userID).all()
        let key = services.cipher.keys.systemData
        for token in tokens {
            let id = UUID()
            let message = PushMessage()
            message.id = id
            message.userID = userID
            message.deviceID = token.deviceID
            message.title = try services.cipher.seal(title, with: key, context: .init(table: "push", column: "title", row: id))
            message.body = try services.cipher.seal(body, with: key, context: .init(table: "push", column: "body", row: id))
            message.category = category
            message.status = .pending
            message.attempts = 0
            message.createdAt = services.clock.now()
            try await message.create(on: database)
        }
        return tokens.count
    }

    func open(_ message: PushMessage) throws -> (title: String, body: String) {
        let id = try message.requireID()
        let key = services.cipher.keys.systemData
        return (
            try services.cipher.openString(message.title, with: key, context: .init(table: "push", column: "title", row: id)),
            try services.cipher.openString(message.body, with: key, context: .init(table: "push", column: "body", row: id))
        )
    }
}
