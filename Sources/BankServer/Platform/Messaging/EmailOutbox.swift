import BankCore
import Fluent
import Foundation

/// Writes e-mails into the outbox inside the caller's transaction, recipient and body sealed with the system key.
struct EmailOutbox: Sendable {
    let services: BankServices

    func enqueue(
        to address: EmailAddress,
        subject: String,
        body: String,
        category: String,
        userID: UUID?,
        on database: any Database
    ) async throws {
        let id = UUID()
        let key = services.cipher.keys.systemData
        let message = EmailMessage()
        message.id = id
        message.userID = userID
        message.recipient = try services.cipher.seal(address.value, with: key, context: .init(table: "email", column: "to", row: id))
        message.subject = subject
        message.body = try services.cipher.seal(body, with: key, context: .init(table: "email", column: "body", row: id))
        message.category = category
        message.status = .pending
        message.attempts = 0
        message.createdAt = services.clock.now()
        try await message.create(on: database)
    }

    func open(_ message: EmailMessage) throws -> (to: String, body: String) {
        let id = try message.requireID()
        let key = services.cipher.keys.systemData
        return (
            try services.cipher.openString(message.recipient, with: key, context: .init(table: "email", column: "to", row: id)),
            try services.cipher.openString(message.body, with: key, context: .init(table: "email", column: "body", row: id))
        )
    }
}
