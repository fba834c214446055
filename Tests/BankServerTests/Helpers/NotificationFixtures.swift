import BankAPI
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import BankServer

extension TestHarness {
    /// Sets the caller's notification channels through the API.
    @discardableResult
    func setNotificationChannels(
        _ token: String,
        marketing: [String],
        operational: [String] = ["in_app"],
        language: String? = nil
    ) async throws
        -> NotificationPreferencesView
    {
        let update = NotificationPreferencesUpdate(language: language, operational: operational, marketing: marketing)
        return try await send(.PUT, "/api/v1/me/notification-preferences", json: update, token: token).requireStatus(.ok)
            .content.decode(NotificationPreferencesView.self)
    }

    func grantMarketing(_ token: String) async throws {
        try await send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: token).requireStatus(.created)
    }

    func inbox(_ token: String, query: String = "", language: String? = nil) async throws -> InboxPage {
        try await send(.GET, "/api/v1/me/inbox" + query, token: token, language: language).requireStatus(.ok).content.decode(InboxPage.self)
    }

    /// The id of the caller's first device (the one they registered on).
    func firstDevice(_ token: String) async throws -> UUID {
        let devices = try await send(.GET, "/api/v1/me/devices", token: token).content.decode(ListPage<DeviceView>.self)
        guard let id = devices.items.first?.id else { throw TestFailure("no device") }
        return id
    }

    /// Pending-or-sent rows of an outbox for one user and category.
    func outboxCount<M: Model>(_ type: M.Type, userID: UUID, category: String) async throws -> Int {
        let table = M.schema
        let rows = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE user_id = \(bind: userID) AND category = \(bind: category)")
            .first()
        return try rows?.decode(column: "n", as: Int.self) ?? 0
    }
}

extension BankServices {
    func replacing(pushGateway: any PushGateway) -> BankServices {
        var copy = self
        copy.pushGateway = pushGateway
        return copy
    }
}

/// A push gateway that records what it was asked to send.
final class RecordingPushGateway: PushGateway {
    let sent = NIOLockedValueBox<[(UUID, String)]>([])

    func deliver(to target: PushTarget, title: String, body: String) async throws {
        sent.withLockedValue { $0.append((target.deviceID, body)) }
    }
}

/// Keeps every log line (message and metadata) so a test can prove what was never written.
struct CapturingLogHandler: LogHandler {
    let lines: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level,
        message: Logger.Message,
        metadata extra: Logger.Metadata?,
        source: String,
        file: String,
        function: String,
        line: UInt
    ) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        lines.withLockedValue { $0.append("\(message) \(all)") }
    }
}
