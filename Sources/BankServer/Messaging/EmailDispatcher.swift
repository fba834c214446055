import Fluent
import Foundation
import Logging
import SQLKit

/// Delivers pending e-mails exactly as `SMSDispatcher` delivers SMS: a row is claimed with a conditional update
/// before it is sent, so two workers (or two server processes) never send the same e-mail; failures retry with backoff.
struct EmailDispatcher: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many e-mails were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let now = services.clock.now()
        let candidates = try await EmailMessage.query(on: database)
            .filter(\.$status == .pending)
            .sort(\.$createdAt)
            .limit(limit)
            .all()
        var delivered = 0
        for message in candidates where (message.nextAttemptAt ?? .distantPast) <= now {
            guard let id = message.id, try await claim(id, on: database) else { continue }
            do {
                let (to, body) = try EmailOutbox(services: services).open(message)
                try await services.emailGateway.deliver(to: to, subject: message.subject, body: body)
                message.status = .sent
                message.sentAt = services.clock.now()
                delivered += 1
            } catch {
                message.attempts += 1
                message.status = message.attempts >= maxAttempts ? .failed : .pending
                message.nextAttemptAt = now.addingTimeInterval(Double(min(3600, 5 << message.attempts)))
                logger.warning("e-mail delivery failed", metadata: ["email_id": "\(id)", "attempt": "\(message.attempts)"])
            }
            try await message.save(on: database)
        }
        return delivered
    }

    private func claim(_ id: UUID, on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { return false }
        let row = try await sql.raw("UPDATE email_outbox SET status = 'sending' WHERE id = \(bind: id) AND status = 'pending' RETURNING id").first()
        return row != nil
    }
}
