import Fluent
import Foundation
import Logging

/// Delivers pending e-mails through the configured gateway (`OutboxDispatcher`: claimed before sending, never twice).
struct EmailDispatcher: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many e-mails were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let outbox = EmailOutbox(services: services)
        return try await OutboxDispatcher<EmailMessage>(clock: services.clock, logger: logger, label: "e-mail", maxAttempts: maxAttempts)
            .dispatchPending(limit: limit, on: database) { message in
                let (to, body) = try outbox.open(message)
                try await services.emailGateway.deliver(to: to, subject: message.subject, body: body)
                return true
            }
    }
}
