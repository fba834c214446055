import BankClient
import Foundation
import NIOCore
import Testing
import Vapor

@testable import BankServer
@testable import BankWeb

/// The web tier calls the API for the browser, so the API's per-IP limits and access log must see the browser's
/// address, not the web tier's; and a browser must not choose the address the API believes.
@Suite("Web tier: the browser's address reaches the API")
struct WebForwardingTests {
    actor Capture: HTTPTransport {
        var sent: [HTTPRequestData] = []
        func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
            sent.append(request)
            return HTTPResponseData(status: 204)
        }
    }

    @Test func everyAPICall_carriesTheBrowsersAddress_andTheAPIBelievesOnlyLoopbackForIt() async throws {
        let app = try await Application.make(.testing)
        let browser = try SocketAddress(ipAddress: "198.51.100.7", port: 50_000)
        // the browser claims another address in its own header
        let request = Request(
            application: app,
            method: .GET,
            url: "/accounts",
            headers: ["X-Forwarded-For": "6.6.6.6"],
            remoteAddress: browser,
            on: app.eventLoopGroup.next()
        )
        let chain = Web(request).forwardedFor
        #expect(chain == "6.6.6.6, 198.51.100.7")
        let capture = Capture()
        let url = try #require(URL(string: "http://127.0.0.1:8080/api/v1/me"))
        _ = try await ForwardingTransport(base: capture, forwardedFor: chain).send(HTTPRequestData(method: "GET", url: url))
        #expect(await capture.sent.first?.headers["X-Forwarded-For"] == chain)
        // the API in the same process (configure: loopback is the one trusted proxy) counts the browser, not its claim
        let loopback: Set<String> = ["127.0.0.1", "::1"]
        #expect(ForwardedFor.client(header: chain, peer: "127.0.0.1", trustedProxies: loopback) == "198.51.100.7")
        // the same header sent to the API directly from elsewhere is not believed at all
        #expect(ForwardedFor.client(header: chain, peer: "203.0.113.5", trustedProxies: loopback) == "203.0.113.5")
        try await app.asyncShutdown()
    }
}
