import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import BankServer

/// The production SMS adapter against a real HTTP server on loopback.
@Suite("HTTP SMS gateway")
struct SMSGatewayTests {
    struct Received: Sendable {
        let authorization: String?
        let body: [String: String]
    }

    private func withGatewayServer(status: HTTPResponseStatus, _ body: (URL, NIOLockedValueBox<[Received]>) async throws -> Void) async throws {
        let received = NIOLockedValueBox<[Received]>([])
        let server = try await Application.make(.testing)
        server.logger.logLevel = .error
        server.http.server.configuration.hostname = "127.0.0.1"
        server.http.server.configuration.port = 0
        server.post("send") { req async throws -> Response in
            let payload = try req.content.decode([String: String].self)
            received.withLockedValue { $0.append(Received(authorization: req.headers.first(name: .authorization), body: payload)) }
            return Response(status: status)
        }
        try await server.server.start()
        do {
            let port = try #require(server.http.server.shared.localAddress?.port)
            try await body(try #require(URL(string: "http://127.0.0.1:\(port)/send")), received)
        } catch {
            await server.server.shutdown()
            try await server.asyncShutdown()
            throw error
        }
        await server.server.shutdown()
        try await server.asyncShutdown()
    }

    @Test
    func httpGateway_postsThePhoneAndText_withTheBearerToken() async throws {
        try await withGatewayServer(status: .ok) { url, received in
            let gateway = HTTPSMSGateway(client: HTTPClient.shared, url: url, token: "gateway-token")
            try await gateway.deliver(to: "+77011234567", text: "BizBank: code 123456\n\n@bizbank.kz #123456")
            let requests = received.withLockedValue { $0 }
            #expect(requests.count == 1)
            #expect(requests.first?.authorization == "Bearer gateway-token")
            #expect(requests.first?.body == ["to": "+77011234567", "text": "BizBank: code 123456\n\n@bizbank.kz #123456"])
        }
    }

    @Test
    func httpGateway_rejection_isAnError_soTheOutboxRetries() async throws {
        try await withGatewayServer(status: .serviceUnavailable) { url, _ in
            let gateway = HTTPSMSGateway(client: HTTPClient.shared, url: url, token: "gateway-token")
            await #expect(throws: HTTPSMSGateway.GatewayError.rejected(status: 503)) {
                try await gateway.deliver(to: "+77011234567", text: "x")
            }
        }
    }

    @Test
    func httpPushGateway_postsToTheRelay_withTheBearerToken_andRefusalIsAnError() async throws {
        try await withGatewayServer(status: .ok) { url, received in
            let gateway = HTTPPushGateway(client: HTTPClient.shared, url: url, token: "push-token")
            try await gateway.deliver(to: PushTarget(deviceID: UUID(), platform: "ios", token: "apns-abc"), title: "T", body: "B")
            let requests = received.withLockedValue { $0 }
            #expect(requests.first?.authorization == "Bearer push-token")
            #expect(requests.first?.body == ["platform": "ios", "token": "apns-abc", "title": "T", "body": "B"])
        }
        try await withGatewayServer(status: .badGateway) { url, _ in
            let gateway = HTTPPushGateway(client: HTTPClient.shared, url: url, token: "push-token")
            await #expect(throws: HTTPPushGateway.GatewayError.rejected(status: 502)) {
                try await gateway.deliver(to: PushTarget(deviceID: UUID(), platform: "android", token: "fcm"), title: "T", body: "B")
            }
        }
    }
}
