import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("News, tariffs and offers (§2.2.8)")
struct ContentTests {
    private func tariff(_ suffix: String = "", publishedAt: Date? = nil, notify: Bool? = nil) -> ContentPublishRequest {
        ContentPublishRequest(
            kind: "tariff",
            title: LocalizedText(kk: "Жаңа тариф\(suffix)", ru: "Новый тариф\(suffix)", en: "New tariff\(suffix)"),
            body: LocalizedText(kk: "Аударымдар тегін.", ru: "Переводы бесплатно.", en: "Transfers are free."),
            publishedAt: publishedAt,
            notify: notify
        )
    }

    @Test(arguments: TestDatabase.all)
    func content_isPublishedInThreeLanguages_andReadInTheReadersLanguage(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let staff = try await t.staffToken(.support)
            let published = try await t.send(.POST, "/api/v1/staff/content", json: tariff(), token: staff).requireStatus(.created)
                .content.decode(StaffContentView.self)
            #expect(published.title.ru == "Новый тариф")
            // scheduled for tomorrow: staff see it, readers do not yet
            try await t.send(.POST, "/api/v1/staff/content", json: tariff(" 2", publishedAt: t.clock.now().addingTimeInterval(86_400)), token: staff)
                .requireStatus(.created)
            for (language, title, body) in [
                ("ru", "Новый тариф", "Переводы бесплатно."), ("en", "New tariff", "Transfers are free."), (nil, "Жаңа тариф", "Аударымдар тегін."),
            ] {
                let page = try await t.send(.GET, "/api/v1/content?kind=tariff", language: language).requireStatus(.ok).content.decode(
                    ListPage<ContentView>.self
                )
                #expect(page.items.map(\.title) == [title])
                #expect(page.items.first?.body == body)
                #expect(page.items.first?.language == language ?? "kk")
            }
            #expect(try await t.send(.GET, "/api/v1/content?kind=news").content.decode(ListPage<ContentView>.self).items.isEmpty)
            #expect(try await t.send(.GET, "/api/v1/staff/content", token: staff).content.decode(ListPage<StaffContentView>.self).items.count == 2)
            t.clock.advance(seconds: 86_401)
            let both = try await t.send(.GET, "/api/v1/content?limit=1").content.decode(ListPage<ContentView>.self)
            #expect(both.items.map(\.title) == ["Жаңа тариф 2"])
            let rest = try await t.send(.GET, "/api/v1/content?limit=1&cursor=\(try #require(both.nextCursor))").content.decode(
                ListPage<ContentView>.self
            )
            #expect(rest.items.map(\.title) == ["Жаңа тариф"])
            #expect(rest.nextCursor == nil)
            // deleted: gone for readers (a new staff session: the day has passed)
            let fresh = try await t.staffToken(.support)
            try await t.send(.DELETE, "/api/v1/staff/content/\(published.id)", token: fresh).requireStatus(.noContent)
            #expect(try await t.send(.GET, "/api/v1/content").content.decode(ListPage<ContentView>.self).items.count == 1)
            #expect(try await t.send(.DELETE, "/api/v1/staff/content/\(published.id)", token: fresh).status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/content?kind=everything").status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badContent_getsFieldErrors_andStoresNothing_andClientsCannotPublish(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let staff = try await t.staffToken(.support)
            var bad = tariff(publishedAt: t.clock.now().addingTimeInterval(3600), notify: true)
            bad.kind = "rumour"
            bad.title.en = " "
            bad.body.kk = String(repeating: "а", count: 10_001)
            bad.body.ru = "Переводы\u{0} бесплатно."
            let response = try await t.send(.POST, "/api/v1/staff/content", json: bad, token: staff)
            #expect(Set(try t.problem(response).errors?.map(\.field) ?? []) == ["kind", "title.en", "body.kk", "body.ru", "notify"])
            #expect(try await ContentItem.query(on: t.db).count() == 0)
            let client = try await t.registerActive()
            #expect(try await t.send(.POST, "/api/v1/staff/content", json: tariff(), token: client.token).status == .unauthorized)
            #expect(try await t.send(.POST, "/api/v1/staff/content", json: tariff(), token: try await t.staffToken(.fraud)).status == .forbidden)
            #expect(try await ContentItem.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func publishingAnOffer_withNotify_goesOnlyToConsentingUsers_andDeletingItClearsTheInbox(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let consenting = try await t.registerActive()
            let other = try await t.registerActive()
            try await t.grantMarketing(consenting.token)
            let staff = try await t.staffToken(.support)
            var offer = tariff(notify: true)
            offer.kind = "offer"
            let published = try await t.send(.POST, "/api/v1/staff/content", json: offer, token: staff).requireStatus(.created)
                .content.decode(StaffContentView.self)
            #expect(published.recipients == 1)
            let item = try #require(try await t.inbox(consenting.token, language: "en").items.first)
            #expect(item.category == "marketing")
            #expect(item.title == "New tariff")
            #expect(item.contentId == published.id)
            #expect(try await t.inbox(other.token).items.isEmpty)
            try await t.send(.DELETE, "/api/v1/staff/content/\(published.id)", token: staff).requireStatus(.noContent)
            #expect(try await t.inbox(consenting.token).items.isEmpty)
        }
    }
}
