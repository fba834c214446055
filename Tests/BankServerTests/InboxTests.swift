import BankAPI
import BankCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import BankServer

@Suite("In-app inbox and push (§2.2.3)")
struct InboxTests {
    /// Operational notices, one every 30 seconds (inside the session's idle time), oldest first.
    private func notices(_ t: TestHarness, to userID: UUID, count: Int = 5) async throws {
        let user = try #require(try await User.find(userID, on: t.db))
        for index in 1...count {
            let message = NotificationMessage(
                key: "notification.payment_executed",
                parameters: ["number": "\(index)", "amount": "1.00 KZT", "payee": "ТОО"]
            )
            try await NotificationService(services: t.services).notify(user, .operational, message, on: t.db)
            t.clock.advance(seconds: 30)
        }
    }

    @Test(arguments: TestDatabase.all)
    func inbox_isNewestFirst_inPages_withReadAndUnread(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await notices(t, to: grant.user.id)
            // pages of two, newest first, the last page without a cursor
            let first = try await t.inbox(grant.token, query: "?limit=2", language: "en")
            #expect(first.unreadCount == 5)
            #expect(first.items.map(\.body).map { $0.contains("№5") } == [true, false])
            let cursor = try #require(first.nextCursor)
            let second = try await t.inbox(grant.token, query: "?limit=2&cursor=\(cursor)")
            let third = try await t.inbox(grant.token, query: "?limit=2&cursor=\(try #require(second.nextCursor))")
            #expect(third.nextCursor == nil)
            let numbers = (first.items + second.items + third.items).map(\.body)
            #expect(numbers.count == 5)
            #expect(Set(first.items.map(\.id) + second.items.map(\.id) + third.items.map(\.id)).count == 5)
            // one read, then all read
            let oldest = try #require(third.items.first)
            #expect(oldest.readAt == nil)
            try await t.send(.POST, "/api/v1/me/inbox/\(oldest.id)/read", token: grant.token).requireStatus(.noContent)
            try await t.send(.POST, "/api/v1/me/inbox/\(oldest.id)/read", token: grant.token).requireStatus(.noContent)
            #expect(try await t.inbox(grant.token).unreadCount == 4)
            try await t.send(.POST, "/api/v1/me/inbox/read-all", token: grant.token).requireStatus(.noContent)
            let after = try await t.inbox(grant.token)
            #expect(after.unreadCount == 0)
            #expect(after.items.allSatisfy { $0.readAt != nil })
            // a bad cursor or limit is a field error
            let bad = try await t.send(.GET, "/api/v1/me/inbox?cursor=nonsense", token: grant.token)
            #expect(try t.problem(bad).errors?.map(\.field) == ["cursor"])
            #expect(try await t.send(.GET, "/api/v1/me/inbox?limit=0", token: grant.token).status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherUsersInboxItem_isNotFound_andStaysUnread(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let owner = try await t.registerActive()
            let other = try await t.registerActive()
            try await notices(t, to: owner.user.id, count: 1)
            let item = try #require(try await t.inbox(owner.token).items.first)
            let read = try await t.send(.POST, "/api/v1/me/inbox/\(item.id)/read", token: other.token)
            #expect(read.status == .notFound)
            #expect(try t.problem(read).code == "not_found")
            let cursor = try await t.send(.GET, "/api/v1/me/inbox?cursor=\(item.id)", token: other.token)
            #expect(cursor.status == .unprocessableEntity)
            try await t.send(.POST, "/api/v1/me/inbox/read-all", token: other.token).requireStatus(.noContent)
            #expect(try await t.inbox(owner.token).unreadCount == 1)
            #expect(try await t.inbox(other.token).items.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func pushToken_isStoredSealed_onlyForTheCallersDevice_andNeverLogged(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let other = try await t.registerActive()
            let token = "fcm-" + SecureRandom.token()
            let device = try await t.firstDevice(grant.token)
            // another user's device: 404, nothing stored
            let foreign = try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: token, platform: "fcm"),
                token: other.token
            )
            #expect(foreign.status == .notFound)
            #expect(try await PushToken.query(on: t.db).count() == 0)
            let bad = try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: "a b", platform: "x"),
                token: grant.token
            )
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["token", "platform"])
            // the owner's device: stored sealed, shown only by its ending
            let view = try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: token, platform: "fcm"),
                token: grant.token
            )
            .requireStatus(.ok).content.decode(PushTokenView.self)
            #expect(view.tokenEnding == "…" + token.suffix(6))
            let raw = try await t.sql.raw("SELECT token, platform FROM push_tokens").all()
            #expect(raw.count == 1)
            let stored = try raw[0].decode(column: "token", as: Data.self)
            #expect(stored.range(of: Data(token.utf8)) == nil)
            #expect(stored.range(of: Data(token.suffix(12).utf8)) == nil)
            // a push goes out through a gateway whose log never holds the token
            let lines = NIOLockedValueBox<[String]>([])
            var services = t.services
            services.pushGateway = LogPushGateway(logger: Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }, includesBody: true)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            try await NotificationService(services: services).notify(
                user,
                .operational,
                .init(key: "sms.security.blocked"),
                channels: [.push],
                on: t.db
            )
            #expect(try await PushDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 1)
            let logged = lines.withLockedValue { $0 }
            #expect(logged.count == 1)
            #expect(logged.allSatisfy { !$0.contains(token) && !$0.contains(token.suffix(8)) })
            #expect(logged.first?.contains(device.uuidString) == true)
            // removing it: 204, then 404
            try await t.send(.DELETE, "/api/v1/me/devices/\(device)/push-token", token: grant.token).requireStatus(.noContent)
            #expect(try await t.send(.DELETE, "/api/v1/me/devices/\(device)/push-token", token: grant.token).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func pushToken_registeredFromTwoRequestsAtOnce_keepsOneTokenPerDevice(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let device = try await t.firstDevice(grant.token)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for index in 0..<4 {
                    let registration = PushTokenRegistration(token: String(repeating: "\(index)", count: 64), platform: "apns")
                    group.addTask {
                        try await t.send(.PUT, "/api/v1/me/devices/\(device)/push-token", json: registration, token: grant.token).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses == [200, 200, 200, 200])
            #expect(try await PushToken.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func pushDispatch_deliversEachMessageOnce_evenWithTwoWorkers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let device = try await t.firstDevice(grant.token)
            try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: String(repeating: "c", count: 64), platform: "apns"),
                token: grant.token
            )
            .requireStatus(.ok)
            let outbox = PushOutbox(services: t.services)
            for index in 0..<12 {
                try await outbox.enqueue(toDevicesOf: grant.user.id, title: "t", body: "push \(index)", category: "operational", on: t.db)
            }
            let gateway = RecordingPushGateway()
            let services = t.services.replacing(pushGateway: gateway)
            let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await PushDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) }
                }
                return try await group.reduce(0, +)
            }
            #expect(delivered == 12)
            let bodies = gateway.sent.withLockedValue { $0.map(\.1) }
            #expect(bodies.count == 12)
            #expect(Set(bodies).count == 12)
            #expect(try await PushDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 0)
            // a forgotten device gets nothing more
            try await outbox.enqueue(toDevicesOf: grant.user.id, title: "t", body: "late", category: "operational", on: t.db)
            try await t.send(.DELETE, "/api/v1/me/devices/\(device)", token: grant.token).requireStatus(.noContent)
            #expect(try await PushToken.query(on: t.db).count() == 0)
            #expect(try await PushDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 0)
            // and cannot get a token again until it is trusted again (its sessions ended with it: asked directly)
            let again = PushTokenRegistration(token: String(repeating: "e", count: 64), platform: "apns")
            await #expect(throws: BankError.notFound) {
                try await PushTokens(services: t.services).register(again, deviceID: device, userID: grant.user.id, on: t.db)
            }
        }
    }
}
