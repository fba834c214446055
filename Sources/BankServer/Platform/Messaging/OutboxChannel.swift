import Fluent
import Foundation
import Logging

/// What one outbox kind (SMS, e-mail, push) adds to the shared delivery loop: its table (`Row`), its name in the
/// log, and how one message is sent.
protocol OutboxChannel: Sendable {
    associatedtype Row: OutboxRow
    /// For the log: "SMS", "e-mail", "push".
    static var label: String { get }
    init(services: BankServices)
    /// Sends one message; returns false when it can never be delivered (it fails at once, without retries).
    func deliver(_ message: Row, on database: any Database) async throws -> Bool
}

/// Delivers the pending messages of one outbox kind through the configured gateway, with the shared
/// `OutboxDispatcher` loop (claimed before sending, never twice). `SMSDispatcher`, `EmailDispatcher` and
/// `PushDispatcher` are its kinds.
struct ChannelDispatcher<Channel: OutboxChannel>: Sendable {
    let services: BankServices
    let logger: Logger
    var maxAttempts = 5

    /// Returns how many messages were delivered.
    @discardableResult
    func dispatchPending(limit: Int = 50, on database: any Database) async throws -> Int {
        let channel = Channel(services: services)
        let loop = OutboxDispatcher<Channel.Row>(clock: services.clock, logger: logger, label: Channel.label, maxAttempts: maxAttempts)
        return try await loop.dispatchPending(limit: limit, on: database) { message in
            try await channel.deliver(message, on: database)
        }
    }
}
