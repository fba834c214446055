import BankAPI
import Foundation

/// The app's way to the bank: sends `Endpoints` values over a transport, with the session token, the app's language,
/// an `Idempotency-Key` made once per logical write and reused on each retry, and problem documents turned into
/// `BankClientError`. One instance per signed-in person.
public final class BankClient: Sendable {
    public let baseURL: URL
    public let language: String
    let transport: any HTTPTransport
    let tokens: any TokenStore
    let retry: RetryPolicy
    let sleeper: any Sleeper
    /// The tiers this client may call: a client's `BankClient` never sends a staff operation, and `StaffClient`
    /// never a client one, so a token is only ever shown to the tier it belongs to.
    let tiers: Set<AuthTier>

    public convenience init(
        baseURL: URL,
        language: String = "kk",
        transport: any HTTPTransport = URLSessionTransport(),
        tokens: any TokenStore = InMemoryTokenStore(),
        retry: RetryPolicy = RetryPolicy(),
        sleeper: any Sleeper = TaskSleeper()
    ) {
        self.init(
            baseURL: baseURL,
            language: language,
            transport: transport,
            tokens: tokens,
            retry: retry,
            sleeper: sleeper,
            tiers: [.public, .signedIn]
        )
    }

    init(
        baseURL: URL,
        language: String,
        transport: any HTTPTransport,
        tokens: any TokenStore,
        retry: RetryPolicy,
        sleeper: any Sleeper,
        tiers: Set<AuthTier>
    ) {
        self.tiers = tiers
        self.baseURL = baseURL
        self.language = language
        self.transport = transport
        self.tokens = tokens
        self.retry = retry
        self.sleeper = sleeper
    }

    /// What a call may add: a query, extra headers (a step-up code), a fixed idempotency key (to resume an operation
    /// whose answer was lost in an earlier run of the app).
    public struct Options: Sendable {
        public var query: [URLQueryItem]
        public var headers: [String: String]
        public var idempotencyKey: String?
        /// A file sent as the body, byte for byte, with its media type (uploads).
        var file: (data: Data, contentType: String)?

        public init(query: [URLQueryItem] = [], headers: [String: String] = [:], idempotencyKey: String? = nil) {
            self.query = query
            self.headers = headers
            self.idempotencyKey = idempotencyKey
        }
    }

    /// An answer: the operation's result, or 202 with a one-time code sent (a sign-in on a new device, a step-up).
    public enum Answer<Output: Sendable>: Sendable {
        case done(Output)
        case codeSent(OtpChallengeResponse)

        public var value: Output? {
            if case .done(let value) = self { return value }
            return nil
        }
    }

    /// Sends the operation and decodes its answer; a 202 with a code challenge comes back as `.codeSent`.
    public func call<P, B, O>(_ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, options: Options = Options()) async throws -> Answer<O> {
        let response = try await exchange(endpoint, parameters, body: body, options: options)
        // a 202 carrying a code challenge is a code sent first (a new device, a step-up) unless the challenge is the
        // operation's own answer (a registration); an order or a basket awaiting its code carries it inside, as
        // `confirmation`, and is the operation's answer. An output with only optional fields would decode from any
        // body, so the challenge's shape decides, not whether the output decodes.
        if response.status == 202, O.self != OtpChallengeResponse.self,
            let challenge = try? Self.decoder.decode(OtpChallengeResponse.self, from: response.body)
        {
            return .codeSent(challenge)
        }
        return .done(try decode(O.self, response))
    }

    /// The operation's result; a 202 code challenge here is an error (use `call` where one may come).
    public func send<P, B, O>(_ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, options: Options = Options()) async throws -> O {
        switch try await call(endpoint, parameters, body: body, options: options) {
        case .done(let value): return value
        case .codeSent: throw BankClientError.unexpectedResponse(status: 202)
        }
    }

    /// The raw bytes of an answer: files, exports, receipts.
    public func download<P, B, O>(_ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, options: Options = Options()) async throws -> Data {
        try await exchange(endpoint, parameters, body: body, options: options).body
    }

    // MARK: - Internals

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: text) { return date }
            throw DecodingError.dataCorruptedError(in: try decoder.singleValueContainer(), debugDescription: "not an ISO 8601 date")
        }
        return decoder
    }()

    func exchange<P, B, O>(_ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, options: Options) async throws -> HTTPResponseData {
        var request = try await request(for: endpoint, parameters, body: body, options: options)
        // a write is repeated only under its key: one key per logical operation, the same on every attempt
        let key = endpoint.idempotent ? (options.idempotencyKey ?? UUID().uuidString) : nil
        if let key { request.headers["Idempotency-Key"] = key }
        let repeatable = endpoint.method == .GET || key != nil
        var attempt = 1
        while true {
            let response: HTTPResponseData
            do {
                response = try await transport.send(request)
            } catch {
                guard repeatable, attempt < retry.maxAttempts else { throw Self.transportError(error) }
                try await sleeper.sleep(seconds: retry.delay(after: attempt, retryAfter: nil))
                attempt += 1
                continue
            }
            if repeatable, RetryPolicy.isRetryable(status: response.status), attempt < retry.maxAttempts {
                try await sleeper.sleep(seconds: retry.delay(after: attempt, retryAfter: response.headers["retry-after"]))
                attempt += 1
                continue
            }
            guard (200..<300).contains(response.status) else { throw try await failure(response, endpoint: endpoint) }
            return response
        }
    }

    private func request<P, B, O>(for endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, options: Options) async throws -> HTTPRequestData {
        guard tiers.contains(endpoint.auth) else { throw BankClientError.wrongTier(endpoint.operationID) }
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { throw BankClientError.transport("bad URL") }
        let basePath = components.percentEncodedPath.trimmingSuffix("/")
        components.percentEncodedPath = basePath + endpoint.path(parameters)
        if !options.query.isEmpty { components.queryItems = options.query }
        guard let url = components.url else { throw BankClientError.transport("bad URL") }
        var headers = options.headers
        headers["Accept"] = "application/json"
        headers["Accept-Language"] = language
        var data: Data?
        if let file = options.file {
            data = file.data
            headers["Content-Type"] = file.contentType
        } else if !(body is NoBody) {
            data = try Self.encoder.encode(body)
            headers["Content-Type"] = "application/json"
        }
        if endpoint.auth != .public {
            guard let token = await tokens.token() else { throw BankClientError.notSignedIn }
            headers["Authorization"] = "Bearer \(token)"
        }
        return HTTPRequestData(method: endpoint.method.rawValue, url: url, headers: headers, body: data)
    }

    private func failure<P, B, O>(_ response: HTTPResponseData, endpoint: Endpoint<P, B, O>) async throws -> BankClientError {
        guard let problem = try? Self.decoder.decode(Problem.self, from: response.body) else {
            return .unexpectedResponse(status: response.status)
        }
        switch problem.code {
        case "session_expired",
            "authentication_required" where endpoint.auth == .signedIn:
            await tokens.setToken(nil)
            return .sessionExpired
        case "policy_acceptance_required": return .policyAcceptanceRequired(version: problem.policyVersion ?? 0, problem: problem)
        case "consent_required" where problem.purpose != nil: return .consentRequired(purpose: problem.purpose ?? "")
        default: return .problem(problem)
        }
    }

    private func decode<O: Decodable>(_ type: O.Type, _ response: HTTPResponseData) throws -> O {
        if let empty = NoContent() as? O { return empty }
        do {
            return try Self.decoder.decode(O.self, from: response.body)
        } catch {
            throw BankClientError.unexpectedResponse(status: response.status)
        }
    }

    private static func transportError(_ error: any Error) -> BankClientError {
        if let error = error as? BankClientError { return error }
        return .transport(String(describing: type(of: error)))
    }
}

extension BankClient {
    public func call<B, O>(_ endpoint: Endpoint<NoParameters, B, O>, body: B, options: Options = Options()) async throws -> Answer<O> {
        try await call(endpoint, NoParameters(), body: body, options: options)
    }

    public func send<B, O>(_ endpoint: Endpoint<NoParameters, B, O>, body: B, options: Options = Options()) async throws -> O {
        try await send(endpoint, NoParameters(), body: body, options: options)
    }

    public func send<P, O>(_ endpoint: Endpoint<P, NoBody, O>, _ parameters: P, options: Options = Options()) async throws -> O {
        try await send(endpoint, parameters, body: NoBody(), options: options)
    }

    public func send<O>(_ endpoint: Endpoint<NoParameters, NoBody, O>, options: Options = Options()) async throws -> O {
        try await send(endpoint, NoParameters(), body: NoBody(), options: options)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
