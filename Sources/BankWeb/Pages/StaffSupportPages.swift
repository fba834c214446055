import BankAPI
import BankClient
import Foundation
import Vapor

/// Support's ticket queue (oldest waiting first, no personal data until a ticket is opened, which the API records),
/// one ticket with its conversation, a reply, and closing it.
enum StaffSupportPages {
    static let statuses = ["open", "answered", "closed"]

    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "support") { web in try await list(web) }
        StaffPages.get(routes, "support", ":ticketId") { web in try await show(web) }
        StaffPages.post(routes, "support", ":ticketId", "reply") { web in try await reply(web) }
        StaffPages.post(routes, "support", ":ticketId", "close") { web in try await close(web) }
    }

    /// `?status=` one of `statuses`, or `all`; open by default.
    static func list(_ web: Web) async throws -> Response {
        let chosen = web.request.query[String.self, at: "status"] ?? "open"
        let query = statuses.contains(chosen) ? [URLQueryItem(name: "status", value: chosen)] : []
        let tickets = try await web.staffClient().send(Endpoints.Staff.staffListTickets, query: query)
        let filters: [Markup] = (statuses + ["all"]).map { status in
            let current = status == chosen || (status == "all" && !statuses.contains(chosen))
            return "<a href=\"/staff/support?status=\(status)\"\(Markup(raw: current ? " aria-current=\"true\"" : ""))>\(name(web, status))</a> "
        }
        let rows: [Markup] = tickets.map { ticket in
            """
            <li><a href="/staff/support/\(ticket.id.uuidString)">\(web.t("staff.support.ticket")) \(String(ticket.id.uuidString.prefix(8)))</a>
              · <span class="status">\(name(web, ticket.status))</span> · \(web.t("staff.support.created")) \(KazakhstanTime.text(ticket.createdAt))
              · \(web.t("staff.support.updated")) \(KazakhstanTime.text(ticket.updatedAt))</li>
            """
        }
        return StaffPages.page(
            web,
            web.t("staff.support.title"),
            """
            <p class="filters">\(filters)</p>
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.support.empty"))</p>"))
            <ul class="orders">\(rows)</ul>
            """
        )
    }

    static func show(_ web: Web, error: String? = nil, errors: [String: String] = [:]) async throws -> Response {
        let ticket = try await web.staffClient().send(Endpoints.Staff.staffShowTicket, try StaffPages.id(web, "ticketId"))
        let messages: [Markup] = ticket.messages.map { message in
            let who =
                message.from == "bank"
                ? web.t("staff.support.fromBank") + (message.staffRole.map { " (\($0))" } ?? "") : web.t("staff.support.fromClient")
            return "<li class=\"card\"><p><strong>\(who)</strong> · \(KazakhstanTime.text(message.at))</p><p>\(message.text)</p></li>"
        }
        let path = "/staff/support/\(ticket.id.uuidString)"
        let open = ticket.status != "closed"
        return StaffPages.page(
            web,
            ticket.subject,
            """
            <p><span class="status">\(name(web, ticket.status))</span> · \(web.t("staff.support.created")) \(KazakhstanTime.text(ticket.createdAt))</p>
            <ul class="orders">\(messages)</ul>
            \(Markup.when(open, """
            <form method="post" action="\(path)/reply" class="card">\(Layout.csrfField(web))
              \(StaffPages.area(web, "text", label: web.t("staff.support.reply"), value: web.form("text"), errors: errors, rows: 5))
              <button>\(web.t("staff.support.send"))</button>
            </form>
            \(StaffPages.button(web, action: path + "/close", text: web.t("staff.support.close"), style: "secondary"))
            """))
            <p><a href="/staff/support">\(web.t("staff.support.back"))</a></p>
            """,
            error: error
        )
    }

    static func reply(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "ticketId")
        do {
            _ = try await web.staffClient().send(Endpoints.Staff.staffReplyToTicket, id, body: TicketMessageRequest(text: web.form("text")))
            return web.redirect("/staff/support/\(id.uuidString)?done=replied")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await show(web, error: title, errors: fields)
        }
    }

    static func close(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "ticketId")
        do {
            _ = try await web.staffClient().send(Endpoints.Staff.staffCloseTicket, id)
            return web.redirect("/staff/support?done=closed")
        } catch {
            let (title, _) = try StaffPages.refusal(error)
            return try await show(web, error: title)
        }
    }

    static func name(_ web: Web, _ status: String) -> String {
        switch status {
        case "open": web.t("staff.ticketStatus.open")
        case "answered": web.t("staff.ticketStatus.answered")
        case "closed": web.t("staff.ticketStatus.closed")
        case "all": web.t("staff.ticketStatus.all")
        default: status
        }
    }
}
