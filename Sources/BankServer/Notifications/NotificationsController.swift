import BankAPI
import Fluent
import Vapor

/// The signed-in user's notification preferences, in-app inbox and push tokens (§2.2.3, §2.2.8).
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(Endpoints.Notifications.getNotificationPreferences, use: preferences)
        routes.on(Endpoints.Notifications.setNotificationPreferences, use: setPreferences)
        routes.on(Endpoints.Notifications.listMyInbox, use: inbox)
        routes.on(Endpoints.Notifications.readAllMyInbox, use: readAll)
        routes.on(Endpoints.Notifications.readMyInboxItem, use: read)
        routes.on(Endpoints.Notifications.setPushToken, use: registerPushToken)
        routes.on(Endpoints.Notifications.removePushToken, use: removePushToken)
    }

    func preferences(req: Request) async throws -> NotificationPreferencesView {
        let caller = try req.caller
        let service = NotificationPreferences(services: req.bank)
        return try await service.view(try await service.current(caller.userID, on: req.db), userID: caller.userID, on: req.db)
    }

    func setPreferences(req: Request) async throws -> NotificationPreferencesView {
        let caller = try req.caller
        let body = try req.decodeBody(NotificationPreferencesUpdate.self)
        let service = NotificationPreferences(services: req.bank)
        let choice = try await service.update(body, userID: caller.userID, on: req.db)
        return try await service.view(choice, userID: caller.userID, on: req.db)
    }

    /// `GET /me/inbox[?cursor=…][&limit=…]`, newest first, with the unread count.
    func inbox(req: Request) async throws -> InboxPage {
        let caller = try req.caller
        return try await Inbox(services: req.bank).page(
            of: caller.userID,
            after: req.query[String.self, at: "cursor"],
            limit: try DisclosureController.limit(req),
            language: req.language,
            on: req.db
        )
    }

    func read(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        try await Inbox(services: req.bank).markRead(try req.uuidParameter("itemId"), userID: caller.userID, on: req.db)
        return .noContent
    }

    func readAll(req: Request) async throws -> HTTPStatus {
        try await Inbox(services: req.bank).markAllRead(userID: try req.caller.userID, on: req.db)
        return .noContent
    }

    func registerPushToken(req: Request) async throws -> PushTokenView {
        let caller = try req.caller
        let deviceID = try req.uuidParameter("deviceId")
        let body = try req.decodeBody(PushTokenRegistration.self)
        return try await PushTokens(services: req.bank).register(body, deviceID: deviceID, userID: caller.userID, on: req.db)
    }

    func removePushToken(req: Request) async throws -> HTTPStatus {
        let caller = try req.caller
        try await PushTokens(services: req.bank).remove(deviceID: try req.uuidParameter("deviceId"), userID: caller.userID, on: req.db)
        return .noContent
    }
}
