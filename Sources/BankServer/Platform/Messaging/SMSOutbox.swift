import BankCore
import Fluent
import Foundation

/// Writes SMS messages into the outbox inside the caller's transaction, sealed with the system key.
struct SMSOutbox: Sendable {
    let services: BankServices

    func enqueue(to phone: PhoneNumber, text: String, category: String, userID: UUID?, on database: any Database) async throws {
        let id = UUID()
        let message = SMSMessage()
        message.id = id
        message.userID = userID
        message.recipient = try services.cipher.seal(
            phone.value,
            with: services.cipher.keys.systemData,
            context: .init(table: "sms", column: "to", row: id)
        )
        message.body = try services.cipher.seal(text, with: services.cipher.keys.systemData, context: .init(table: "sms", column: "body", row: id))
        message.category = category
        message.status = .pending
        message.attempts = 0
        message.createdAt = services.clock.now()
        try await message.create(on: database)
    }

    /// A localised security SMS without the in-app inbox entry. Notices to a user go through
    /// `NotificationService.notify(_:_:_:…)` (`.security`: SMS and inbox, always); this stays for other branches' callers.
    func enqueueSecurityNotice(
        _ key: String,
        parameters: [String: String] = [:],
        to phone: PhoneNumber,
        userID: UUID?,
        language: Language,
        on database: any Database
    ) async throws {
        let text = services.localizer.text(key, language, parameters)
        try await enqueue(to: phone, text: text, category: "security", userID: userID, on: database)
    }

    func open(_ message: SMSMessage) throws -> (to: String, text: String) {
        let id = try message.requireID()
        let key = services.cipher.keys.systemData
        return (
            try services.cipher.openString(message.recipient, with: key, context: .init(table: "sms", column: "to", row: id)),
            try services.cipher.openString(message.body, with: key, context: .init(table: "sms", column: "body", row: id))
        )
    }
}
