import AsyncHTTPClient
import BankCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Where SMS messages leave the bank. Live: an HTTP gateway; development: the log (the outbox keeps them).
protocol SMSGateway: Sendable {
    func deliver(to phone: String, text: String) async throws
}

/// Development adapter: "sends" by writing to the log; the message stays listed at `/dev/sms`.
struct OutboxSMSGateway: SMSGateway {
    let logger: Logger

    func deliver(to phone: String, text: String) async throws {
        let masked = (try? PhoneNumber(phone).masked) ?? "***"
        logger.notice("development SMS", metadata: ["to": "\(masked)", "text": "\(text)"])
    }
}

/// Production adapter: POSTs `{"to": …, "text": …}` to the configured gateway with a bearer token.
struct HTTPSMSGateway: SMSGateway {
    let client: HTTPClient
    let url: URL
    let token: String
    let timeout: TimeAmount = .seconds(10)

    func deliver(to phone: String, text: String) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let body = try JSONEncoder().encode(["to": phone, "text": text])
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: timeout)
        guard (200..<300).contains(response.status.code) else { throw GatewayError.rejected(status: Int(response.status.code)) }
    }

    enum GatewayError: Error, Equatable { case rejected(status: Int) }
}
