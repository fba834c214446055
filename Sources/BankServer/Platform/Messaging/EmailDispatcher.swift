import Fluent
import Foundation

/// Delivers pending e-mails through the configured gateway (`ChannelDispatcher`: claimed before sending, never twice).
typealias EmailDispatcher = ChannelDispatcher<EmailChannel>

/// An e-mail is opened (recipient and body are sealed; the subject is a fixed text) and handed to the e-mail gateway.
struct EmailChannel: OutboxChannel {
    static let label = "e-mail"
    let services: BankServices

    func deliver(_ message: EmailMessage, on database: any Database) async throws -> Bool {
        let (to, body) = try EmailOutbox(services: services).open(message)
        try await services.emailGateway.deliver(to: to, subject: message.subject, body: body)
        return true
    }
}
