import BankCore
import Fluent
import Foundation
import Logging
import SQLKit

/// A row of an outbox (SMS, e-mail, push): the fields the delivery loop reads and writes.
protocol OutboxRow: Model where IDValue == UUID {
    var status: SMSMessage.Status { get set }
    var attempts: Int { get set }
    var nextAttemptAt: Date? { get set }
    var sentAt: Date? { get set }
    var createdAt: Date { get }
    /// `operational`, `security`, `marketing`, …: a marketing row is sent only while its consent is live.
    var category: String { get }
    /// The person the message is for, when it is for a person.
    var outboxUserID: UUID? { get }
    static var statusField: KeyPath<Self, EnumProperty<Self, SMSMessage.Status>> { get }
    static var createdAtField: KeyPath<Self, FieldProperty<Self, Date>> { get }
}

extension SMSMessage: OutboxRow {
    var outboxUserID: UUID? { userID }
    static var statusField: KeyPath<SMSMessage, EnumProperty<SMSMessage, Status>> { \.$status }
    static var createdAtField: KeyPath<SMSMessage, FieldProperty<SMSMessage, Date>> { \.$createdAt }
}

extension EmailMessage: OutboxRow {
    var outboxUserID: UUID? { userID }
    static var statusField: KeyPath<EmailMessage, EnumProperty<EmailMessage, Status>> { \.$status }
    static var createdAtField: KeyPath<EmailMessage, FieldProperty<EmailMessage, Date>> { \.$createdAt }
}

extension PushMessage: OutboxRow {
    var outboxUserID: UUID? { userID }
    static var statusField: KeyPath<PushMessage, EnumProperty<PushMessage, Status>> { \.$status }
    static var createdAtField: KeyPath<PushMessage, FieldProperty<PushMessage, Date>> { \.$createdAt }
}

/// The delivery loop every outbox shares. A row is claimed with a conditional update before it is sent, so two
/// workers (or two server processes) never send the same message; a failure retries with backoff (5 s doubling,
/// at most an hour) until `maxAttempts`, then the row is `failed`. A marketing message (§2.2.8) is checked against
/// its recipient's live marketing consent right before it is sent and again before a failed attempt is put back
/// to `pending`: one whose consent was withdrawn meanwhile (withdrawal cancels only what is still `pending`) is
/// dropped, never sent or retried.
struct OutboxDispatcher<Row: OutboxRow>: Sendable {
    let clock: any WallClock
    let logger: Logger
    /// For the log: "SMS", "e-mail", "push".
    let label: String
    var maxAttempts = 5

    /// `deliver` sends one message; it returns false when the message can never be delivered (it fails at once,
    /// without retries). Returns how many were delivered.
    func dispatchPending(limit: Int, on database: any Database, deliver: (Row) async throws -> Bool) async throws -> Int {
        let now = clock.now()
        let candidates = try await Row.query(on: database)
            .filter(Row.statusField == .pending)
            .sort(Row.createdAtField)
            .limit(limit)
            .all()
        var delivered = 0
        for message in candidates where (message.nextAttemptAt ?? .distantPast) <= now {
            guard let id = message.id, try await claim(id, on: database) else { continue }
            let wanted = try await stillWanted(message, on: database)
            guard wanted else {
                try await message.delete(on: database)
                continue
            }
            do {
                if try await deliver(message) {
                    message.status = .sent
                    message.sentAt = clock.now()
                    delivered += 1
                } else {
                    message.status = .failed
                }
            } catch {
                message.attempts += 1
                message.status = message.attempts >= maxAttempts ? .failed : .pending
                message.nextAttemptAt = now.addingTimeInterval(Double(min(3600, 5 << message.attempts)))
                logger.warning("\(label) delivery failed", metadata: ["message_id": "\(id)", "attempt": "\(message.attempts)"])
                let mayRetry = try await stillWanted(message, on: database)
                if message.status == .pending, !mayRetry {
                    try await message.delete(on: database)
                    continue
                }
            }
            try await message.save(on: database)
        }
        return delivered
    }

    /// §2.2.8: a marketing message still has its recipient's live marketing consent; every other category does.
    private func stillWanted(_ message: Row, on database: any Database) async throws -> Bool {
        guard message.category == NotificationCategory.marketing.rawValue else { return true }
        guard let userID = message.outboxUserID else { return false }
        let live = try await Consent.query(on: database).filter(\.$user.$id == userID)
            .filter(\.$purpose == ProcessingPurpose.marketing.rawValue).filter(\.$withdrawnAt == nil).first()
        return live != nil
    }

    private func claim(_ id: UUID, on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let row = try await sql.claim(Row.schema, id: id, set: ["status": "sending"]) { $0.where("status", .equal, "pending") }
        return row != nil
    }
}
