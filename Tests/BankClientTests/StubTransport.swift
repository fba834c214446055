import BankClient
import Foundation

/// Answers from a script, one per request, and remembers what was sent.
actor StubTransport: HTTPTransport {
    enum Reply {
        case response(HTTPResponseData)
        case failure
    }

    private var replies: [Reply]
    private(set) var sent: [HTTPRequestData] = []

    init(_ replies: [Reply]) { self.replies = replies }

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        sent.append(request)
        guard !replies.isEmpty else { throw URLError(.cannotConnectToHost) }
        switch replies.removeFirst() {
        case .response(let response): return response
        case .failure: throw URLError(.networkConnectionLost)
        }
    }

    static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Reply {
        .response(HTTPResponseData(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(text.utf8)))
    }

    static func problem(_ status: Int, _ code: String, extra: String = "") -> Reply {
        .response(
            HTTPResponseData(
                status: status,
                headers: ["Content-Type": "application/problem+json"],
                body: Data(#"{"type":"about:blank","title":"T \#(code)","status":\#(status),"code":"\#(code)"\#(extra)}"#.utf8)
            )
        )
    }
}

/// Records each wait instead of waiting.
actor RecordingSleeper: Sleeper {
    private(set) var waits: [TimeInterval] = []
    nonisolated func sleep(seconds: TimeInterval) async throws { await record(seconds) }
    private func record(_ seconds: TimeInterval) { waits.append(seconds) }
}
