import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §1.1, §2.2.7: my support conversations (open one, read it, reply, close) and the feedback form.
enum SupportPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("support") { req in try await page(Web(req)) }
        routes.post("support", "tickets") { req in try await open(Web(req)) }
        routes.post("support", "feedback") { req in try await feedback(Web(req)) }
        routes.get("support", "tickets", ":ticketId") { req in try await ticket(Web(req)) }
        routes.post("support", "tickets", ":ticketId", "reply") { req in try await reply(Web(req)) }
        routes.post("support", "tickets", ":ticketId", "close") { req in try await close(Web(req)) }
    }

    static let topics = ["app", "payments", "support", "tariffs", "other"]

    static func status(_ web: Web, _ status: String) -> Markup { "<span class=\"status\">\(web.t("ticketStatus." + status))</span>" }

    static func page(_ web: Web, notice: String? = nil, error: (any Error)? = nil, values: [String: String] = [:]) async throws -> Response {
        var query: [URLQueryItem] = []
        let cursor = web.request.query[String.self, at: "cursor"] ?? ""
        if !cursor.isEmpty { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        let tickets = try await web.client().send(Endpoints.Support.listMyTickets, options: BankClient.Options(query: query))
        // the API names the message `text` in both forms: the errors go to the form that was sent
        let sent = error.flatMap { Layout.errors(of: $0)?.fields } ?? [:]
        let isFeedback = values["feedback"] != nil
        let fields = isFeedback ? [:] : sent
        let feedbackError = isFeedback ? sent["text"] : nil
        let rows: [Markup] = tickets.items.map { ticket in
            """
            <li><a href="/support/tickets/\(ticket.id.uuidString)">
              <span>\(ticket.subject)</span><small>\(KazakhstanTime.text(ticket.updatedAt))</small>\(status(web, ticket.status))</a></li>
            """
        }
        let topics = ServiceKit.options(topics.map { ($0, web.t("topic." + $0)) }, selected: values["topic"] ?? "")
        let ratings = ServiceKit.options(
            [("", "—")] + (1...5).reversed().map { (String($0), String(repeating: "★", count: $0)) },
            selected: values["rating"] ?? ""
        )
        return web.page(
            web.t("support.title"),
            """
            \(error.map { ServiceKit.problem($0, shown: ["subject", "text"]) } ?? "")
            \(ServiceKit.notice(notice))
            <p class="hint">\(web.t("support.call")) <a href="tel:7711">7711</a></p>
            <section><h2>\(web.t("support.tickets"))</h2>
              \(Markup.when(tickets.items.isEmpty, "<p>\(web.t("support.noTickets"))</p>"))
              <ul class="orders">\(rows)</ul>
              \(Markup.when(tickets.nextCursor != nil, "<p><a href=\"/support?cursor=\(tickets.nextCursor ?? "")\">\(web.t("support.more"))</a></p>"))
              <form method="post" action="/support/tickets" class="card">\(Layout.csrfField(web))
                <h3>\(web.t("support.open"))</h3>
                \(Layout.field(web, "subject", label: web.t("support.subject"), value: values["subject"] ?? "", errors: fields, extra: "required maxlength=\"200\""))
                <label class="field\(Markup(raw: fields["text"] == nil ? "" : " invalid"))"><span>\(web.t("support.message"))</span>
                  <textarea name="text" rows="5" cols="30" required>\(values["text"] ?? "")</textarea>
                  \(Markup.when(fields["text"] != nil, "<small class=\"error\">\(fields["text"] ?? "")</small>"))</label>
                <button>\(web.t("support.send"))</button>
              </form>
            </section>
            <section><h2>\(web.t("support.feedback"))</h2>
              <form method="post" action="/support/feedback" class="card">\(Layout.csrfField(web))
                <label class="field"><span>\(web.t("support.topic"))</span><select name="topic">\(topics)</select></label>
                <label class="field"><span>\(web.t("support.rating"))</span><select name="rating">\(ratings)</select></label>
                <label class="field\(Markup(raw: feedbackError == nil ? "" : " invalid"))"><span>\(web.t("support.message"))</span>
                  <textarea name="feedback" rows="4" cols="30" required>\(values["feedback"] ?? "")</textarea>
                  \(Markup.when(feedbackError != nil, "<small class=\"error\">\(feedbackError ?? "")</small>"))</label>
                <button>\(web.t("support.sendFeedback"))</button>
              </form>
            </section>
            """
        )
    }

    static func open(_ web: Web) async throws -> Response {
        let values = ["subject": web.form("subject"), "text": web.form("text")]
        do {
            let made = try await web.client().send(
                Endpoints.Support.openTicket,
                body: NewTicketRequest(subject: values["subject"] ?? "", text: values["text"] ?? "")
            )
            return web.redirect("/support/tickets/\(made.id.uuidString)")
        } catch let error where Layout.errors(of: error) != nil {
            return try await page(web, error: error, values: values)
        }
    }

    static func feedback(_ web: Web) async throws -> Response {
        let values = ["topic": web.form("topic"), "rating": web.form("rating"), "feedback": web.form("feedback")]
        let request = FeedbackRequest(topic: values["topic"] ?? "", text: values["feedback"] ?? "", rating: Int(values["rating"] ?? ""))
        do {
            _ = try await web.client().send(Endpoints.Support.sendFeedback, body: request)
            return try await page(web, notice: web.t("support.thanks"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await page(web, error: error, values: values)
        }
    }

    static func ticket(_ web: Web, shown: TicketView? = nil, error: (any Error)? = nil, text: String = "") async throws -> Response {
        let id = try ServiceKit.id(web, "ticketId")
        let ticket: TicketView
        if let shown { ticket = shown } else { ticket = try await web.client().send(Endpoints.Support.showMyTicket, id) }
        let messages: [Markup] = ticket.messages.map { message in
            let who = message.from == "bank" ? web.t("support.fromBank") : web.t("support.fromMe")
            return """
                <li class="card"><p class="hint">\(who) · \(KazakhstanTime.text(message.at))</p><p>\(message.text)</p></li>
                """
        }
        let closed = ticket.status == "closed"
        return web.page(
            ticket.subject,
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            <p>\(status(web, ticket.status)) · \(web.t("support.opened")) \(KazakhstanTime.text(ticket.createdAt))</p>
            <ul class="orders">\(messages)</ul>
            \(Markup.when(!closed, """
            <form method="post" action="/support/tickets/\(id.uuidString)/reply" class="card">\(Layout.csrfField(web))
              <label class="field"><span>\(web.t("support.reply"))</span><textarea name="text" rows="4" cols="30" required>\(text)</textarea></label>
              <button>\(web.t("support.send"))</button>
            </form>
            <form method="post" action="/support/tickets/\(id.uuidString)/close">\(Layout.csrfField(web))
              <button class="secondary">\(web.t("support.close"))</button></form>
            """))
            <p><a href="/support">\(web.t("support.back"))</a></p>
            """
        )
    }

    static func reply(_ web: Web) async throws -> Response {
        let id = try ServiceKit.id(web, "ticketId")
        do {
            _ = try await web.client().send(Endpoints.Support.replyToTicket, id, body: TicketMessageRequest(text: web.form("text")))
            return web.redirect("/support/tickets/\(id.uuidString)")
        } catch let error where Layout.errors(of: error) != nil {
            return try await ticket(web, error: error, text: web.form("text"))
        }
    }

    static func close(_ web: Web) async throws -> Response {
        let id = try ServiceKit.id(web, "ticketId")
        let closed = try await web.client().send(Endpoints.Support.closeMyTicket, id, body: NoBody())
        return try await ticket(web, shown: closed)
    }
}
