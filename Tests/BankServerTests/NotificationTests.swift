import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Notifications: marketing, security and operational paths (§2.2.3, §2.2.8)")
struct NotificationTests {
    private let offer = LocalizedOffer(kk: "Жаңа тариф", ru: "Новый тариф", en: "New tariff")

    @Test(arguments: TestDatabase.all)
    func marketing_withoutConsent_orWithTheChannelOff_isNotQueued(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a user who chose every channel but has not consented
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let staff = try await t.staffToken(.support)
            try await t.setNotificationChannels(grant.token, marketing: ["sms", "email", "in_app", "push"])
            // when an offer goes out, then nothing is queued anywhere
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
            #expect(try await t.inbox(grant.token).items.isEmpty)
            // the service itself refuses marketing without the consent, whoever calls it
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            let direct = try await NotificationService(services: t.services)
                .notify(user, .marketing, .init(key: "notification.offer", parameters: ["text": "x"]), on: t.db)
            #expect(direct.isEmpty)
            #expect(try await t.outboxCount(SMSMessage.self, userID: grant.user.id, category: "marketing") == 0)
            // given the consent but every marketing channel off
            try await t.grantMarketing(grant.token)
            let off = try await t.setNotificationChannels(grant.token, marketing: [])
            #expect(off.marketingConsent)
            // then still nothing
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
            #expect(try await !t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            #expect(try await t.outboxCount(EmailMessage.self, userID: grant.user.id, category: "marketing") == 0)
            #expect(try await t.inbox(grant.token).items.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func marketing_withConsent_isQueuedOnTheChosenChannels_andWithdrawalCancelsThem(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let staff = try await t.staffToken(.support)
            try await t.grantMarketing(grant.token)
            // the default is the inbox only
            let defaults = try await t.send(.GET, "/api/v1/me/notification-preferences", token: grant.token).content.decode(
                NotificationPreferencesView.self
            )
            #expect(defaults.marketing == ["in_app"])
            #expect(defaults.security == ["in_app", "sms"])
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
            #expect(try await !t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            #expect(try await t.inbox(grant.token, language: "ru").items.map(\.body) == ["Новый тариф"])
            // SMS, e-mail and push chosen (with a push token): one message on each
            let device = try await t.firstDevice(grant.token)
            try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: String(repeating: "ab", count: 32), platform: "apns"),
                token: grant.token
            )
            .requireStatus(.ok)
            try await t.setNotificationChannels(grant.token, marketing: ["sms", "email", "push"])
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
            #expect(try await t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            #expect(try await t.outboxCount(EmailMessage.self, userID: grant.user.id, category: "marketing") == 1)
            #expect(try await t.outboxCount(PushMessage.self, userID: grant.user.id, category: "marketing") == 1)
            #expect(try await t.inbox(grant.token).items.count == 1)  // in-app is off now
            // withdrawal cancels what is still waiting on every channel, and the next offer is not queued
            try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token).requireStatus(.ok)
            #expect(try await !t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            #expect(try await t.outboxCount(EmailMessage.self, userID: grant.user.id, category: "marketing") == 0)
            #expect(try await t.outboxCount(PushMessage.self, userID: grant.user.id, category: "marketing") == 0)
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func security_isAlwaysSentBySMSAndInApp_evenWithEverythingOff(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            try await t.setNotificationChannels(grant.token, marketing: [], operational: [], language: "en")
            // when the password changes
            let change = PasswordChangeRequest(currentPassword: Fixtures.password, newPassword: "Another-Steppe-Ledger-77")
            try await t.sendConfirmed(.POST, "/api/v1/me/password", json: change, token: grant.token).requireStatus(.noContent)
            // then the SMS goes out (in the chosen language) and the inbox holds it, unread
            let texts = try await t.messages(to: registration.person.phone)
            #expect(texts.last?.hasPrefix("BizBank: your password was changed") == true)
            let inbox = try await t.inbox(grant.token, language: "ru")
            #expect(inbox.items.map(\.category) == ["security"])
            #expect(inbox.items.first?.title == "Безопасность")
            #expect(inbox.unreadCount == 1)
            // and even a caller asking for no channel gets SMS and inbox
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            let channels = try await NotificationService(services: t.services)
                .notify(user, .security, .init(key: "sms.security.locked", parameters: ["minutes": "30"]), channels: [], on: t.db)
            #expect(channels == [.sms, .inApp])
        }
    }

    @Test(arguments: TestDatabase.all)
    func securityNotices_ofEveryKind_reachTheInbox(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            // five wrong passwords lock sign-in: the lock notice is an SMS and an inbox entry
            for _ in 0..<5 {
                let wrong = SignInRequest(phone: registration.person.phone, password: "Wrong-Password-123", device: registration.device)
                _ = try await t.send(.POST, "/api/v1/auth/sign-in", json: wrong)
            }
            #expect(try await t.messages(to: registration.person.phone).contains { $0.contains("7711") })
            let items = try await t.inbox(grant.token, language: "en").items
            #expect(items.contains { $0.category == "security" && $0.body.contains("locked for 30 minutes") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func paymentExecuted_notifiesTheAuthor_inTheInbox(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let created = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "150.00"),
                token: company.operatorUser.token
            )
            let order = try created.requireStatus(.created).content.decode(PaymentOrderView.self)
            try await t.send(.POST, "/api/v1/payments/\(order.id)/sign", token: company.director.token).requireStatus(.ok)
            let items = try await t.inbox(company.operatorUser.token, language: "en").items
            #expect(items.map(\.category) == ["operational"])
            #expect(items.first?.title == "Payment executed")
            #expect(items.first?.body.contains("150.00 KZT") == true)
            // the director heard only that the order awaited their signature (issue 10), not of its execution
            #expect(try await t.inbox(company.director.token, language: "en").items.map(\.title) == ["Awaiting your signature"])
        }
    }
}
