import BankAPI
import BankClient
import BankClientAsyncHTTP
import Foundation
import Testing
import Vapor

@testable import BankServer

/// The real server on a free loopback port, and SDK clients that talk to it over HTTP (issue 11): nothing in a
/// journey is a hand-built request.
struct LiveServer: Sendable {
    let t: TestHarness
    let baseURL: URL

    /// A client as an app would make one, with its own token store and the app's language.
    func client(language: String = "en") -> BankClient {
        BankClient(baseURL: baseURL, language: language, transport: AsyncHTTPClientTransport(), retry: RetryPolicy(maxAttempts: 2))
    }

    func staffClient() -> StaffClient {
        StaffClient(baseURL: baseURL, language: "en", transport: AsyncHTTPClientTransport())
    }

    /// The newest code sent to `phone`, read from the development SMS outbox (`GET /dev/sms`) over HTTP and parsed
    /// by the SDK's §2.3.6 reader, which accepts only a code bound to the bank's domain.
    /// The test clock moves on a second after each read, so the next SMS is the newest by its time.
    func code(to phone: String) async throws -> String {
        defer { t.clock.advance(seconds: 1) }
        let url = baseURL.appendingPathComponent("dev/sms")
        let answer = try await AsyncHTTPClientTransport().send(HTTPRequestData(method: "GET", url: url))
        struct Listing: Decodable {
            struct Item: Decodable {
                var to: String
                var text: String
            }
            var items: [Item]
        }
        let listing = try JSONDecoder().decode(Listing.self, from: answer.body)
        let domain = t.services.config.appDomain
        guard let code = listing.items.filter({ $0.to == phone }).lazy.compactMap({ OneTimeCode.parse($0.text, domain: domain) }).first
        else { throw TestFailure("no code in the outbox for the phone") }
        return code
    }

    /// Sends an operation that may first ask for a step-up code (issue 10), answering it from the outbox.
    func completing<P, B, O>(_ client: BankClient, phone: String, _ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B) async throws -> O {
        switch try await client.call(endpoint, parameters, body: body) {
        case .done(let value): return value
        case .codeSent(let challenge):
            return try await client.confirm(endpoint, parameters, body: body, challenge: challenge, code: try await code(to: phone))
        }
    }

    /// Registers through the SDK and answers the SMS code: the person's first session.
    func register(_ client: BankClient, _ registration: RegistrationRequest) async throws -> SessionGrant {
        let challenge = try await client.register(registration)
        return try await client.verifyRegistration(challenge, code: try await code(to: registration.person.phone))
    }
}

/// Starts the application's HTTP server on 127.0.0.1 and a free port for the body, and always stops it.
func withLiveServer(_ database: TestDatabase, _ body: (LiveServer) async throws -> Void) async throws {
    try await withApp(database) { t in
        t.app.http.server.configuration.hostname = "127.0.0.1"
        t.app.http.server.configuration.port = 0
        try t.app.server.start()
        do {
            let port = try #require(t.app.http.server.shared.localAddress?.port)
            try await body(LiveServer(t: t, baseURL: try #require(URL(string: "http://127.0.0.1:\(port)"))))
        } catch {
            await t.app.server.shutdown()
            throw error
        }
        await t.app.server.shutdown()
    }
}
