import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

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

/// Production adapter: posts each push to the bank's push relay (which holds the APNs / FCM credentials) as
/// JSON with a bearer token. A non-2xx answer is an error, so the push outbox retries with backoff.
struct HTTPPushGateway: PushGateway {
    let client: HTTPClient
    let url: URL
    let token: String
    let timeout: TimeAmount = .seconds(10)

    struct Payload: Codable, Equatable {
        let platform: String
        let token: String
        let title: String
        let body: String
    }

    func deliver(to target: PushTarget, title: String, body: String) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(self.token)")
        let payload = Payload(platform: target.platform, token: target.token, title: title, body: body)
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(payload)))
        let response = try await client.execute(request, timeout: timeout)
        guard (200..<300).contains(response.status.code) else { throw GatewayError.rejected(status: Int(response.status.code)) }
    }

    enum GatewayError: Error, Equatable { case rejected(status: Int) }
}
