import Foundation
import Logging

/// Where push messages leave the bank (APNs / FCM). Development: the log.
protocol PushGateway: Sendable {
    func deliver(to target: PushTarget, title: String, body: String) async throws
}

/// A device to push to. `token` is the platform's secret address of the phone: never log it.
struct PushTarget: Sendable {
    let deviceID: UUID
    let platform: String
    let token: String
}

/// Development adapter: "sends" by writing the device id and title to the log — never the token; the body
/// (amounts, payees) only outside production.
struct LogPushGateway: PushGateway {
    let logger: Logger
    let includesBody: Bool

    func deliver(to target: PushTarget, title: String, body: String) async throws {
        var metadata: Logger.Metadata = ["device": "\(target.deviceID)", "platform": "\(target.platform)", "title": "\(title)"]
        if includesBody { metadata["text"] = "\(body)" }
        logger.notice("development push", metadata: metadata)
    }
}
