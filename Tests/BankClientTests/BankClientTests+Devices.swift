import BankAPI
import Foundation
import Testing

@testable import BankClient

/// Tokens at rest, tiers, uploads and the 202 rule (issue 11).
extension BankClientTests {
    struct Settings: Codable, Sendable, Equatable { var limit: Int? }
    static let settings = Endpoint<NoParameters, Settings, Settings>("settings", .PUT, "/api/v1/settings", auth: .signedIn, idempotent: true)
    static let staffRead = Endpoint<NoParameters, NoBody, Item>("staffRead", .GET, "/api/v1/staff/thing", auth: .staff)
    static let upload = Endpoint<UUID, NoBody, Item>("upload", .POST, "/api/v1/things/{thingId}/files", auth: .signedIn, idempotent: true)

    /// An output with only optional fields decodes from any body; a code challenge must still be seen as one.
    @Test func aStepUpChallenge_isACodeSent_evenWhenTheOutputCouldDecodeFromIt() async throws {
        let challenge =
            #"{"challengeId":"\#(UUID())","expiresAt":"2026-12-02T10:00:00Z","phoneMasked":"+7 701 *** ** 01","resendAvailableAt":"2026-12-02T09:56:00Z"}"#
        let transport = StubTransport([StubTransport.json(202, challenge)])
        guard case .codeSent = try await client(transport).call(Self.settings, NoParameters(), body: Settings(limit: 5)) else {
            Issue.record("a step-up challenge was taken for the operation's answer")
            return
        }
    }

    @Test func aFile_travelsAsItsBytes_withItsMediaType_andAKey() async throws {
        let transport = StubTransport([StubTransport.json(201, #"{"n":1}"#)])
        var options = BankClient.Options()
        options.file = (Data([0xFF, 0xD8, 0xFF]), "image/jpeg")
        _ = try await client(transport).send(Self.upload, UUID(), body: NoBody(), options: options)
        let sent = try #require(await transport.sent.first)
        #expect(sent.body == Data([0xFF, 0xD8, 0xFF]) && sent.headers["Content-Type"] == "image/jpeg")
        #expect(sent.headers["Idempotency-Key"] != nil)
    }

    @Test func aStaffOperation_neverLeavesAClientsBankClient_andAClientOneNeverAStaffClient() async throws {
        let transport = StubTransport([])
        await #expect(throws: BankClientError.wrongTier("staffRead")) { _ = try await client(transport).send(Self.staffRead, NoParameters()) }
        let staff = StaffClient(baseURL: URL(string: "https://bank.example/")!, transport: transport, tokens: InMemoryTokenStore(token: "staff"))
        await #expect(throws: BankClientError.wrongTier("read")) { _ = try await staff.send(Self.read) }
        #expect(await transport.sent.isEmpty)
    }

    @Test func aFileTokenStore_keepsTheTokenOwnerOnly_andForgetsIt() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        let store = FileTokenStore(url: url)
        #expect(await store.token() == nil)
        await store.setToken("tok-1")
        #expect(await FileTokenStore(url: url).token() == "tok-1")
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        await store.setToken(nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func theConsentProblem_isTypedWithItsPurpose() async throws {
        let transport = StubTransport([StubTransport.problem(403, "consent_required", extra: #","purpose":"camera_media""#)])
        await #expect(throws: BankClientError.consentRequired(purpose: "camera_media")) {
            _ = try await client(transport).send(Self.read, NoParameters())
        }
    }
}
