import Fluent
import Foundation

/// Delivers pending SMS through the configured gateway (`ChannelDispatcher`: claimed before sending, never twice).
typealias SMSDispatcher = ChannelDispatcher<SMSChannel>

/// An SMS is opened (recipient and text are sealed) and handed to the SMS gateway.
struct SMSChannel: OutboxChannel {
    static let label = "SMS"
    let services: BankServices

    func deliver(_ message: SMSMessage, on database: any Database) async throws -> Bool {
        let (to, text) = try SMSOutbox(services: services).open(message)
        try await services.smsGateway.deliver(to: to, text: text)
        return true
    }
}
