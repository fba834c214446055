import Fluent
import Foundation

/// Delivers pending push messages through the configured gateway (`ChannelDispatcher`: claimed before sending,
/// never twice).
typealias PushDispatcher = ChannelDispatcher<PushChannel>

/// A push message goes to its device's current token. A device whose token was removed since gets nothing: the
/// message fails at once.
struct PushChannel: OutboxChannel {
    static let label = "push"
    let services: BankServices

    func deliver(_ message: PushMessage, on database: any Database) async throws -> Bool {
        guard let target = try await PushTokens(services: services).target(deviceID: message.deviceID, on: database) else { return false }
        let (title, body) = try PushOutbox(services: services).open(message)
        try await services.pushGateway.deliver(to: target, title: title, body: body)
        return true
    }
}
