import BankAPI
import Fluent
import Vapor

/// The signed-in user's notification preferences, in-app inbox and push tokens (§2.2.3, §2.2.8).
enum NotificationsController {
    static func preferences(req: Request) async throws -> NotificationPreferencesView {
        let caller = try req.caller
        let service = NotificationPreferences(services: req.bank)
        return try await service.view(try await service.current(caller.userID, on: req.db), userID: caller.userID, on: req.db)
    }

    static func setPreferences(req: Request) async throws -> NotificationPreferencesView {
        let caller = try req.caller
        let body = try req.decodeBody(NotificationPreferencesUpdate.self)
        let service = NotificationPreferences(services: req.bank)
        let choice = try await service.update(body, userID: caller.userID, on: req.db)
        return try await service.view(choice, userID: caller.userID, on: req.db)
    }

    /// `GET /me/inbox[?cursor=…][&limit=…]`, newest first, with the unread count.
    static func inbox(req: Request) async throws -> InboxPage {
        let caller = try req.caller
        return try await Inbox(services: req.bank).page(
            of: caller.userID,
            after: req.query[String.self, at: "cursor"],
            limit: try DisclosureController.limit(req),
            language: req.language,
            on: req.db
        )
    }

    static func read(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        try await Inbox(services: req.bank).markRead(try req.parameter(.itemId), userID: caller.userID, on: req.db)
        return .noContent
    }

    static func readAll(req: Request) async throws -> HTTPStatus {
        try await Inbox(services: req.bank).markAllRead(userID: try req.caller.userID, on: req.db)
        return .noContent
    }

    static func registerPushToken(req: Request) async throws -> PushTokenView {
        let caller = try req.caller
        let deviceID = try req.parameter(.deviceId)
        let body = try req.decodeBody(PushTokenRegistration.self)
        return try await PushTokens(services: req.bank).register(body, deviceID: deviceID, userID: caller.userID, on: req.db)
    }

    static func removePushToken(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        try await PushTokens(services: req.bank).remove(deviceID: try req.parameter(.deviceId), userID: caller.userID, on: req.db)
        return .noContent
    }
}
