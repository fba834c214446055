import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Support, feedback and the contact card (§2.2.7, §1.1, §5.2)")
struct SupportTests {
    @Test(arguments: TestDatabase.all)
    func contactCard_shows7711AndTheWebSite_withoutSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let card = try await t.send(.GET, "/api/v1/contact", language: "ru").content.decode(ContactInfo.self)
            #expect(card.phone == "7711")
            #expect(card.website.contains("alataucitybank.kz"))
            #expect(card.unauthorisedUseNotice.contains("7711"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func ticket_isAConversation_withStatuses_andTheTextIsSealedAndExported(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let opened = try await t.send(
                .POST,
                "/api/v1/me/support/tickets",
                json: NewTicketRequest(subject: "Төлем өтпей тұр", text: "Салық төлемі қате береді, ИИН 900101300123"),
                token: grant.token
            )
            #expect(opened.status == .created)
            let ticket = try opened.content.decode(TicketView.self)
            #expect(ticket.status == "open")
            let staff = try await t.staffToken(.support)
            let queue = try await t.send(.GET, "/api/v1/staff/support/tickets?status=open", token: staff).content.decode([TicketSummaryView].self)
            #expect(queue.map(\.id) == [ticket.id])
            let answered = try await t.send(
                .POST,
                "/api/v1/staff/support/tickets/\(ticket.id)/messages",
                json: TicketMessageRequest(text: "Проверьте КБе получателя."),
                token: staff
            ).content.decode(TicketView.self)
            #expect(answered.status == "answered")
            #expect(answered.messages.map(\.from) == ["client", "bank"])
            #expect(answered.messages.last?.staffRole == "support")
            let inbox = try await t.send(.GET, "/api/v1/me/inbox", token: grant.token, language: "en").content.decode(InboxPage.self)
            #expect(inbox.items.contains { $0.title == "Support answered" })
            let mine = try await t.send(
                .POST,
                "/api/v1/me/support/tickets/\(ticket.id)/messages",
                json: TicketMessageRequest(text: "Рахмет, шешілді."),
                token: grant.token
            ).content.decode(TicketView.self)
            #expect(mine.status == "open")
            let closed = try await t.send(.POST, "/api/v1/me/support/tickets/\(ticket.id)/close", token: grant.token).content.decode(TicketView.self)
            #expect(closed.status == "closed")
            let late = try await t.send(
                .POST,
                "/api/v1/me/support/tickets/\(ticket.id)/messages",
                json: TicketMessageRequest(text: "ещё"),
                token: grant.token
            )
            #expect(try t.problem(late).code == "ticket_closed")
            // sealed at rest
            let rows = try await t.sql.raw("SELECT body FROM support_messages").all()
            for row in rows {
                let body = try row.decode(column: "body", as: Data.self)
                #expect(!String(decoding: body, as: UTF8.self).contains("900101300123"))
            }
            // exported, and the staff reads of the ticket are listed: the answer showed it too (review L1), then opening it
            _ = try await t.send(.GET, "/api/v1/staff/support/tickets/\(ticket.id)", token: staff)
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token).content.decode(PersonalDataExport.self)
            #expect(export.supportTickets.first?.messages.count == 3)
            #expect(export.staffAccesses.map(\.staffRole) == ["support", "support"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherUsersTicket_isNotFound(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let owner = try await t.registerActive()
            let other = try await t.registerActive()
            let ticket = try await t.send(.POST, "/api/v1/me/support/tickets", json: NewTicketRequest(subject: "s", text: "t"), token: owner.token)
                .content.decode(TicketView.self)
            #expect(try await t.send(.GET, "/api/v1/me/support/tickets/\(ticket.id)", token: other.token).status == .notFound)
            let reply = try await t.send(
                .POST,
                "/api/v1/me/support/tickets/\(ticket.id)/messages",
                json: TicketMessageRequest(text: "x"),
                token: other.token
            )
            #expect(reply.status == .notFound)
            #expect(try await t.send(.POST, "/api/v1/me/support/tickets/\(ticket.id)/close", token: other.token).status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/me/support/tickets", token: other.token).content.decode(ListPage<TicketView>.self).items.isEmpty)
            #expect(try await t.send(.GET, "/api/v1/staff/support/tickets", token: owner.token).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func tickets_pageByCursor_eachOnce(_ database: TestDatabase) async throws {
        // the session must outlive the hours the test skips to stay under the 10-an-hour limit
        try await withApp(database, adjust: .set { $0.security.sessionIdleSeconds = 7200 }) { t in
            let grant = try await t.registerActive()
            var created: [UUID] = []
            for index in 0..<23 {
                let ticket = try await t.send(
                    .POST,
                    "/api/v1/me/support/tickets",
                    json: NewTicketRequest(subject: "n\(index)", text: "t"),
                    token: grant.token
                ).content.decode(TicketView.self)
                created.append(ticket.id)
                if index % 3 == 0 { t.clock.advance(seconds: 1) }  // the others share a time: the id breaks the tie
                if index % 10 == 9 { t.clock.advance(seconds: 3600) }  // the hourly limit is 10
            }
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/me/support/tickets" + (cursor.map { "?cursor=\($0)" } ?? "")
                let page = try await t.send(.GET, path, token: grant.token).content.decode(ListPage<TicketView>.self)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 23)
            #expect(Set(seen) == Set(created))
            let bad = try await t.send(.GET, "/api/v1/me/support/tickets?cursor=nonsense", token: grant.token)
            #expect(try t.problem(bad).errors?.first?.field == "cursor")
        }
    }

    @Test(arguments: TestDatabase.all)
    func feedback_isValidated_sealed_andPurgedAfterItsRetention(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let bad = try await t.send(.POST, "/api/v1/me/feedback", json: FeedbackRequest(topic: "gossip", text: " ", rating: 9), token: grant.token)
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["topic", "text", "rating"])
            #expect(try await FeedbackEntry.query(on: t.db).count() == 0)
            let good = try await t.send(
                .POST,
                "/api/v1/me/feedback",
                json: FeedbackRequest(topic: "app", text: "Ыңғайлы қосымша", rating: 5),
                token: grant.token
            )
            #expect(try good.content.decode(FeedbackView.self).rating == 5)
            // sealed at rest: no column of the stored row holds the text
            var columnsRead = 0
            for row in try await t.sql.raw("SELECT * FROM \(ident: FeedbackEntry.schema)").all() {
                for column in row.allColumns {
                    var text = ""
                    if let string = try? row.decode(column: column, as: String?.self) {
                        text = string
                    } else if let data = try? row.decode(column: column, as: Data?.self) {
                        text = String(decoding: data, as: UTF8.self)
                    }
                    columnsRead += 1
                    #expect(!text.contains("Ыңғайлы"), "the feedback text in clear in \(column)")
                }
            }
            #expect(columnsRead > 3)
            t.clock.advance(seconds: 1824 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["feedback"] == 0)
            t.clock.advance(seconds: 2 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["feedback"] == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func feedback_mayAttachTheSendersOwnUpload_only(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let me = try await t.registerActive()
            let other = try await t.registerActive()
            try await t.grantCameraConsent(other.token)
            let theirs = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: other.token)
                .content.decode(DocumentView.self)
            let refused = try await t.send(
                .POST,
                "/api/v1/me/feedback",
                json: FeedbackRequest(topic: "app", text: "см. скриншот", attachmentId: theirs.id),
                token: me.token
            )
            #expect(try t.problem(refused).errors?.map(\.field) == ["attachmentId"])
            #expect(try await FeedbackEntry.query(on: t.db).count() == 0)
            let own = try await t.send(
                .POST,
                "/api/v1/me/feedback",
                json: FeedbackRequest(topic: "app", text: "скриншот", attachmentId: theirs.id),
                token: other.token
            )
            #expect(try own.content.decode(FeedbackView.self).attachmentId == theirs.id)
        }
    }
}
