import AsyncHTTPClient
import BankAPI
import Foundation
import NIOCore
import NIOHTTP1

/// One request repeated with the same `Idempotency-Key` until the server gives an answer: a refused connection,
/// a 5xx, a 429 or a 409 `idempotency_in_progress` is no answer (the server is down, or a killed process still
/// holds the key's lease), so the same request goes again after a short pause.
struct CrashClient: Sendable {
    let baseURL: String
    /// Past this instant nothing is retried any more: the transfer counts as unfinished.
    let giveUp: ContinuousClock.Instant

    struct Answer: Sendable {
        var status: UInt
        var body: Data
        var code: String?
        var replayed: Bool
        var retries: Int
    }

    private struct Problem: Decodable { var code: String? }

    func send(_ method: HTTPMethod, _ path: String, token: String, key: String? = nil, body: Data? = nil) async -> Answer? {
        var retries = 0
        while ContinuousClock.now < giveUp {
            var request = HTTPClientRequest(url: baseURL + path)
            request.method = method
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            if let key { request.headers.add(name: "Idempotency-Key", value: key) }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            var pause = Duration.milliseconds(200)
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                let data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
                let code = try? JSONDecoder().decode(Problem.self, from: data).code
                let busy = response.status.code == 429 || (response.status.code == 409 && code == "idempotency_in_progress")
                if response.status.code < 500, !busy {
                    let replayed = response.headers.first(name: "Idempotent-Replayed") == "true"
                    return Answer(status: response.status.code, body: data, code: code, replayed: replayed, retries: retries)
                }
                if let wait = response.headers.first(name: "Retry-After").flatMap(Int.init) {
                    pause = min(.seconds(wait), .seconds(1))
                }
            } catch {
                // connection refused or reset: the server is down or restarting
            }
            retries += 1
            try? await Task.sleep(for: pause)
        }
        return nil
    }
}
