import AsyncHTTPClient
import BankClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// `HTTPTransport` over AsyncHTTPClient, for server-side users of the SDK (the web app, the load tools): a
/// connection pool on SwiftNIO event loops, no cookies, no redirects followed (an API answer is never a redirect).
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    public let timeout: TimeAmount
    /// The largest answer read into memory (statement exports and documents are the largest).
    public let maxResponseBytes: Int

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30), maxResponseBytes: Int = 32 * 1024 * 1024) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(outgoing, timeout: timeout)
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        let body = try await response.body.collect(upTo: maxResponseBytes)
        return HTTPResponseData(status: Int(response.status.code), headers: headers, body: Data(buffer: body))
    }
}
