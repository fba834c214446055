import Fluent
import Foundation
import Logging
import SQLKit

/// Delivers pending push messages exactly as `SMSDispatcher` delivers SMS: a row is claimed with a conditional
/// update before it is sent, so two workers (or two server processes) never send the same message; failures retry
/// with backoff. A device whose token was removed since gets nothing (the message fails at once).
struct PushDispatcher: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many push messages were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let now = services.clock.now()
        let candidates = try await PushMessage.query(on: database)
            .filter(\.$status == .pending)
            .sort(\.$createdAt)
            .limit(limit)
            .all()
        var delivered = 0
        for message in candidates where (message.nextAttemptAt ?? .distantPast) <= now {
            guard let id = message.id, try await claim(id, on: database) else { continue }
            do {
                guard let target = try await PushTokens(services: services).target(deviceID: message.deviceID, on: database) else {
                    message.status = .failed
                    try await message.save(on: database)
                    continue
                }
                let (title, body) = try PushOutbox(services: services).open(message)
                try await services.pushGateway.deliver(to: target, title: title, body: body)
                message.status = .sent
                message.sentAt = services.clock.now()
                delivered += 1
            } catch {
                message.attempts += 1
                message.status = message.attempts >= maxAttempts ? .failed : .pending
                message.nextAttemptAt = now.addingTimeInterval(Double(min(3600, 5 << message.attempts)))
                logger.warning("push delivery failed", metadata: ["push_id": "\(id)", "attempt": "\(message.attempts)"])
            }
            try await message.save(on: database)
        }
        return delivered
    }

    private func claim(_ id: UUID, on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let row = try await sql.raw("UPDATE push_outbox SET status = 'sending' WHERE id = \(bind: id) AND status = 'pending' RETURNING id").first()
        return row != nil
    }
}
