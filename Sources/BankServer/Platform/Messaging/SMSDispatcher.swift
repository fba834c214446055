import Fluent
import Foundation
import Logging

/// Delivers pending SMS through the configured gateway (`OutboxDispatcher`: claimed before sending, never twice).
struct SMSDispatcher: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many messages were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let outbox = SMSOutbox(services: services)
        return try await OutboxDispatcher<SMSMessage>(clock: services.clock, logger: logger, label: "SMS", maxAttempts: maxAttempts)
            .dispatchPending(limit: limit, on: database) { message in
                let (to, text) = try outbox.open(message)
                try await services.smsGateway.deliver(to: to, text: text)
                return true
            }
    }
}
