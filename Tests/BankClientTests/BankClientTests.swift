import BankAPI
import Foundation
import Testing

@testable import BankClient

/// The SDK's rules, against a scripted transport: keys, retries, errors, paging, one-time codes.
@Suite("BankClient")
struct BankClientTests {
    struct Item: Codable, Sendable, Equatable { var n: Int }

    static let write = Endpoint<UUID, Item, Item>("write", .POST, "/api/v1/things/{thingId}", auth: .signedIn, idempotent: true)
    static let publicWrite = Endpoint<NoParameters, Item, Item>("publicWrite", .POST, "/api/v1/open", auth: .public)
    static let read = Endpoint<NoParameters, NoBody, Item>("read", .GET, "/api/v1/thing", auth: .signedIn)
    static let list = Endpoint<NoParameters, NoBody, ListPage<Item>>("list", .GET, "/api/v1/things", auth: .signedIn)

    func client(_ transport: StubTransport, sleeper: RecordingSleeper = RecordingSleeper(), token: String? = "secret-token") -> BankClient {
        BankClient(
            baseURL: URL(string: "https://bank.example/")!,
            language: "ru",
            transport: transport,
            tokens: InMemoryTokenStore(token: token),
            retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 8, jitter: { 1 }),
            sleeper: sleeper
        )
    }

    @Test func aWrite_isRetriedUnderOneKey_afterTransportFailuresAnd5xx_withGrowingWaits() async throws {
        let transport = StubTransport([.failure, StubTransport.problem(503, "unavailable"), StubTransport.json(200, #"{"n":7}"#)])
        let sleeper = RecordingSleeper()
        let id = UUID()
        let answer = try await client(transport, sleeper: sleeper).send(Self.write, id, body: Item(n: 7))
        #expect(answer == Item(n: 7))
        let sent = await transport.sent
        #expect(sent.count == 3)
        let keys = Set(sent.compactMap { $0.headers["Idempotency-Key"] })
        #expect(keys.count == 1)
        #expect(sent.allSatisfy { $0.url.absoluteString == "https://bank.example/api/v1/things/\(id.uuidString)" })
        #expect(sent.allSatisfy { $0.headers["Authorization"] == "Bearer secret-token" && $0.headers["Accept-Language"] == "ru" })
        #expect(await sleeper.waits == [0.5, 1.0])
    }

    @Test func twoLogicalWrites_getTwoKeys_andACallerKeyIsKept() async throws {
        let transport = StubTransport([StubTransport.json(200, #"{"n":1}"#), StubTransport.json(200, #"{"n":2}"#)])
        let client = client(transport)
        _ = try await client.send(Self.write, UUID(), body: Item(n: 1))
        _ = try await client.send(Self.write, UUID(), body: Item(n: 2), options: .init(idempotencyKey: "resume-42"))
        let keys = await transport.sent.compactMap { $0.headers["Idempotency-Key"] }
        #expect(keys.count == 2 && keys[0] != keys[1] && keys[1] == "resume-42")
    }

    @Test func retryAfter_isHonoured_withinTheCap() async throws {
        let transport = StubTransport([
            StubTransport.problem(429, "rate_limited").withHeader("Retry-After", "3"),
            StubTransport.problem(429, "rate_limited").withHeader("Retry-After", "60"),
            StubTransport.json(200, #"{"n":1}"#),
        ])
        let sleeper = RecordingSleeper()
        _ = try await client(transport, sleeper: sleeper).send(Self.read)
        #expect(await sleeper.waits == [3, 8])
    }

    @Test func aWriteWithoutAKey_isNeverRetried() async throws {
        let transport = StubTransport([StubTransport.problem(503, "unavailable"), StubTransport.json(200, #"{"n":1}"#)])
        await #expect(throws: BankClientError.self) { try await client(transport).send(Self.publicWrite, body: Item(n: 1)) }
        #expect(await transport.sent.count == 1)
        #expect(await transport.sent.first?.headers["Authorization"] == nil)
    }

    @Test func retries_stopAtTheLimit_andTheLastAnswerIsTheError() async throws {
        let transport = StubTransport(Array(repeating: StubTransport.problem(500, "internal_error"), count: 6))
        do {
            _ = try await client(transport).send(Self.read)
            Issue.record("expected an error")
        } catch let error as BankClientError {
            #expect(error.code == "internal_error")
        }
        #expect(await transport.sent.count == 4)
    }

    @Test func aProblem_carriesEachFieldsLocalisedMessage() async throws {
        let errors = #","errors":[{"field":"amount","code":"required","message":"Сумма обязательна"}]"#
        let transport = StubTransport([StubTransport.problem(422, "validation_failed", extra: errors)])
        do {
            _ = try await client(transport).send(Self.write, UUID(), body: Item(n: 1))
            Issue.record("expected an error")
        } catch BankClientError.problem(let problem) {
            #expect(problem.code == "validation_failed" && problem.message(for: "amount") == "Сумма обязательна")
        }
    }

    @Test func anExpiredSession_isTyped_andTheTokenIsForgotten() async throws {
        let tokens = InMemoryTokenStore(token: "secret-token")
        let client = BankClient(
            baseURL: URL(string: "https://bank.example")!,
            transport: StubTransport([StubTransport.problem(401, "session_expired")]),
            tokens: tokens
        )
        await #expect(throws: BankClientError.sessionExpired) { try await client.send(Self.read) }
        #expect(await tokens.token() == nil)
        await #expect(throws: BankClientError.notSignedIn) { try await client.send(Self.read) }
    }

    @Test func aNewPolicyEdition_isATypedErrorWithTheEdition() async throws {
        let transport = StubTransport([StubTransport.problem(403, "policy_acceptance_required", extra: #","policyVersion":3"#)])
        do {
            _ = try await client(transport).send(Self.read)
            Issue.record("expected an error")
        } catch BankClientError.policyAcceptanceRequired(let version, _) {
            #expect(version == 3)
        }
    }

    @Test func errorDescriptions_neverCarryTheToken() async throws {
        let transport = StubTransport([StubTransport.problem(403, "forbidden")])
        do {
            _ = try await client(transport).send(Self.read)
        } catch {
            #expect(!String(describing: error).contains("secret-token"))
            #expect(!String(reflecting: error).contains("secret-token"))
        }
    }

    @Test func pages_followTheCursorToTheEnd() async throws {
        let transport = StubTransport([
            StubTransport.json(200, #"{"items":[{"n":1},{"n":2}],"nextCursor":"c2"}"#),
            StubTransport.json(200, #"{"items":[{"n":3}],"nextCursor":null}"#),
        ])
        var seen: [Int] = []
        for try await item in client(transport).pages(Self.list, NoParameters()) { seen.append(item.n) }
        #expect(seen == [1, 2, 3])
        #expect(await transport.sent.map { $0.url.query } == [nil, "cursor=c2"])
    }

    @Test func aCodeSentFirst_isAnAnswerOfItsOwn() async throws {
        let challenge =
            #"{"challengeId":"\#(UUID())","expiresAt":"2026-12-02T10:00:00Z","phoneMasked":"+7 701 *** ** 01","resendAvailableAt":"2026-12-02T09:56:00Z"}"#
        let transport = StubTransport([StubTransport.json(202, challenge), StubTransport.json(201, #"{"n":5}"#)])
        let client = client(transport)
        guard case .codeSent(let sent) = try await client.call(Self.write, UUID(), body: Item(n: 5)) else {
            Issue.record("expected a code")
            return
        }
        #expect(sent.phoneMasked.hasSuffix("01"))
        #expect(try await client.confirm(Self.write, UUID(), body: Item(n: 5), challenge: sent, code: "123456") == Item(n: 5))
        #expect(await transport.sent.last?.headers["X-Step-Up-Code"] == "123456")
    }

    @Test(arguments: [
        ("BizBank: код 123456\n\n@bizbank.kz #123456", "123456"),
        ("Код входа\n@BIZBANK.KZ #654321", "654321"),
        ("BizBank\n\n@evil.example #123456", nil),
        ("BizBank #123456", nil),
        ("BizBank\n@bizbank.kz #12345", nil),
    ])
    func oneTimeCode_isReadOnlyFromTheLineBoundToTheBank(_ sms: String, _ expected: String?) {
        #expect(OneTimeCode.parse(sms, domain: "bizbank.kz") == expected)
    }
}

extension StubTransport.Reply {
    func withHeader(_ name: String, _ value: String) -> Self {
        guard case .response(var response) = self else { return self }
        response.headers[name.lowercased()] = value
        return .response(response)
    }
}
