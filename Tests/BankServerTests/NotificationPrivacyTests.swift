import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Notifications' personal data: export, destruction, retention (§2.1, Law 94-V art. 18, 24)")
struct NotificationPrivacyTests {
    @Test(arguments: TestDatabase.all)
    func inboxPushTokensAndPreferences_areExported_andDestroyedWithTheSubject(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a user with a preference, a push token and a security notice in the inbox
            let grant = try await t.registerActive()
            try await t.setNotificationChannels(grant.token, marketing: ["email"], language: "ru")
            let token = "apns-" + SecureRandom.token()
            let device = try await t.firstDevice(grant.token)
            try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: token, platform: "apns"),
                token: grant.token
            )
            .requireStatus(.ok)
            let change = PasswordChangeRequest(currentPassword: Fixtures.password, newPassword: "Another-Steppe-Ledger-77")
            try await t.sendConfirmed(.POST, "/api/v1/me/password", json: change, token: grant.token).requireStatus(.noContent)
            // when exported: all three are there, the token only by its ending
            let response = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token, language: "en").requireStatus(.ok)
            #expect(!response.body.string.contains(token))
            let export = try response.content.decode(PersonalDataExport.self)
            #expect(export.inbox.map(\.category) == ["security"])
            #expect(export.pushTokens.map(\.deviceId) == [device])
            #expect(export.notificationPreferences?.marketing == ["email"])
            #expect(export.notificationPreferences?.language == "ru")
            let page = try await t.send(.GET, "/api/v1/me/privacy/export?format=html", token: grant.token, language: "en").body.string
            #expect(page.contains("Push tokens") && page.contains("Notification preferences"))
            // when the subject is destroyed: nothing of it is left
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            try await PersonalDataShredder(services: t.services).destroy(user, on: t.db)
            #expect(try await InboxItem.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
            #expect(try await PushToken.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
            #expect(try await NotificationPreference.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func retention_purgesDeliveredPush_andInboxEntriesRead90DaysAgo_butNotUnreadOnes(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let device = try await t.firstDevice(grant.token)
            try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: String(repeating: "d", count: 64), platform: "apns"),
                token: grant.token
            )
            .requireStatus(.ok)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            let notifications = NotificationService(services: t.services)
            for number in ["1", "2"] {
                let message = NotificationMessage(
                    key: "notification.payment_executed",
                    parameters: ["number": number, "amount": "1 KZT", "payee": "ТОО"]
                )
                try await notifications.notify(user, .operational, message, on: t.db)
            }
            let services = t.services.replacing(pushGateway: RecordingPushGateway())
            #expect(try await PushDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 2)
            let first = try #require(try await InboxItem.query(on: t.db).first())
            try await Inbox(services: t.services).markRead(try first.requireID(), userID: grant.user.id, on: t.db)
            // a week later the delivered pushes go; the read entry stays until 90 days after reading
            t.clock.advance(seconds: 8 * 86_400)
            let week = try await RetentionJob(services: t.services).run(on: t.db)
            #expect(week["push"] == 2)
            #expect(week["inbox_read"] == 0)
            t.clock.advance(seconds: 83 * 86_400)
            let later = try await RetentionJob(services: t.services).run(on: t.db)
            #expect(later["inbox_read"] == 1)
            #expect(try await InboxItem.query(on: t.db).count() == 1)
            #expect(try await InboxItem.query(on: t.db).first()?.readAt == nil)
        }
    }
}
