import BankAPI
import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting

@testable import BankServer

extension TestHarness {
    /// Sends a JSON request the way the app does; `ip` becomes X-Forwarded-For (trusted in tests).
    func send(
        _ method: HTTPMethod,
        _ path: String,
        json: (any Encodable)? = nil,
        token: String? = nil,
        ip: String = "10.0.0.1",
        language: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .xForwardedFor, value: ip)
        headers.add(name: .userAgent, value: "BizBankTests/1.0")
        if let token { headers.bearerAuthorization = .init(token: token) }
        if let language { headers.add(name: .acceptLanguage, value: language) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        var body: ByteBuffer?
        if let json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            body = ByteBuffer(data: try encoder.encode(json))
            headers.contentType = .json
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Every SMS queued for `phone`, oldest first, decrypted.
    func messages(to phone: String) async throws -> [String] {
        let outbox = SMSOutbox(services: services)
        return try await SMSMessage.query(on: db).sort(\.$createdAt).all().compactMap { message -> String? in
            let (to, text) = try outbox.open(message)
            return to == phone ? text : nil
        }
    }

    /// The code in the newest OTP SMS to `phone`, read from its origin-bound last line `@domain #code`.
    func latestCode(to phone: String) async throws -> String {
        let texts = try await messages(to: phone).filter { $0.contains("#") }
        guard let last = texts.last, let code = last.split(separator: "#").last else {
            throw TestFailure("no code sent to the phone")
        }
        return String(code)
    }

    /// Registers a company and completes phone verification; returns the session grant.
    @discardableResult
    func registerActive(_ request: RegistrationRequest = Fixtures.registration()) async throws -> SessionGrant {
        let started = try await send(.POST, "/api/v1/registrations", json: request)
        guard started.status == .accepted else { throw TestFailure("registration answered \(started.status): \(started.body.string)") }
        let challenge = try started.content.decode(OtpChallengeResponse.self)
        let code = try await latestCode(to: request.person.phone)
        let verified = try await send(.POST, "/api/v1/registrations/verify", json: OtpAnswer(challengeId: challenge.challengeId, code: code))
        guard verified.status == .created else { throw TestFailure("verification answered \(verified.status): \(verified.body.string)") }
        return try verified.content.decode(SessionGrant.self)
    }

    func problem(_ response: TestingHTTPResponse) throws -> Problem {
        #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        return try JSONDecoder().decode(Problem.self, from: Data(response.body.readableBytesView))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestHarness {
    /// Sends a control change (issue 10 step-up): the first answer is 202 with a challenge; the code sent to the acting
    /// person's phone is read and the same request sent again with it. Any other first answer is returned as it is.
    func sendConfirmed(
        _ method: HTTPMethod,
        _ path: String,
        json: (any Encodable)? = nil,
        token: String? = nil,
        ip: String = "10.0.0.1",
        language: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        let first = try await send(method, path, json: json, token: token, ip: ip, language: language, headers: extra)
        guard first.status == .accepted, let challenge = try? first.content.decode(OtpChallengeResponse.self),
            let stored = try await OtpChallenge.find(challenge.challengeId, on: db), stored.purpose == .controlChange
        else { return first }
        let phone = try services.cipher.openString(stored.phone, column: "phone", id: challenge.challengeId)
        let code = try await latestCode(to: phone)
        return try await send(
            method,
            path,
            json: json,
            token: token,
            ip: ip,
            language: language,
            headers: extra + [(StepUp.challengeHeader, challenge.challengeId.uuidString), (StepUp.codeHeader, code)]
        )
    }
}

extension PersonalDataCipher {
    /// An OTP challenge's sealed column, opened as `OtpService` seals it.
    func openString(_ value: Data, column: String, id: UUID) throws -> String {
        try openString(value, with: keys.systemData, context: .init(table: "otp", column: column, row: id))
    }
}
