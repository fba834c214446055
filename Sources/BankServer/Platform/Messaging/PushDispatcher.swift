import Fluent
import Foundation
import Logging

/// Delivers pending push messages through the configured gateway (`OutboxDispatcher`: claimed before sending,
/// never twice). A device whose token was removed since gets nothing: the message fails at once.
struct PushDispatcher: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many push messages were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let outbox = PushOutbox(services: services)
        let tokens = PushTokens(services: services)
        return try await OutboxDispatcher<PushMessage>(clock: services.clock, logger: logger, label: "push", maxAttempts: maxAttempts)
            .dispatchPending(limit: limit, on: database) { message in
                guard let target = try await tokens.target(deviceID: message.deviceID, on: database) else { return false }
                let (title, body) = try outbox.open(message)
                try await services.pushGateway.deliver(to: target, title: title, body: body)
                return true
            }
    }
}
