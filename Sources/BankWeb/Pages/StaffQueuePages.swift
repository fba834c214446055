import BankAPI
import BankClient
import Foundation
import Vapor

/// The privacy officer's queue of block and destroy requests (Law 94-V art. 24–25): nearest deadline first, the
/// overdue ones marked; an open request is completed, or refused with a reason the client sees.
enum StaffQueuePages {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes) { web in try await queue(web) }
        StaffPages.post(routes, "requests", ":requestId", "complete") { web in try await complete(web) }
        StaffPages.post(routes, "requests", ":requestId", "refuse") { web in try await refuse(web) }
    }

    /// `?all=1` shows the closed requests too; otherwise the open ones.
    static func queue(_ web: Web, error: String? = nil, errors: [String: String] = [:], failed: UUID? = nil) async throws -> Response {
        let all = web.request.query[String.self, at: "all"] == "1"
        let query = all ? [] : [URLQueryItem(name: "status", value: "received")]
        let requests = try await web.staffClient().send(Endpoints.Staff.staffListPrivacyRequests, query: query).items
            .sorted { $0.dueAt < $1.dueAt }
        let now = Date()
        let rows: [Markup] = requests.map { request in
            let overdue = request.status == "received" && request.dueAt < now
            let open = request.status == "received"
            let errorsHere = failed == request.id ? errors : [:]
            return """
                <li class="card\(Markup(raw: overdue ? " overdue" : ""))" data-testid="request-\(request.id.uuidString)">
                  <p><strong>\(kind(web, request.kind))</strong> · <span class="status">\(status(web, request.status))</span>
                    \(Markup.when(overdue, "<strong class=\"error\">\(web.t("staff.queue.overdue"))</strong>"))</p>
                  <p>\(web.t("staff.queue.received")) \(KazakhstanTime.text(request.receivedAt)) ·
                    \(web.t("staff.queue.due")) <strong>\(KazakhstanTime.text(request.dueAt))</strong>
                    \(Markup.when(request.closedAt != nil, " · \(web.t("staff.queue.closed")) \(request.closedAt.map(KazakhstanTime.text) ?? "")"))
                    \(Markup.when(request.handlerRole != nil, " · \(web.t("staff.role")) \(request.handlerRole ?? "")"))</p>
                  \(Markup.when(request.refusalReason != nil, "<p>\(web.t("staff.queue.reason")): \(request.refusalReason ?? "")</p>"))
                  <p class="hint"><code>\(request.id.uuidString)</code></p>
                  \(Markup.when(open, actions(web, request, errors: errorsHere)))
                </li>
                """
        }
        let filter: Markup =
            all
            ? "<p><a href=\"/staff\">\(web.t("staff.queue.showOpen"))</a></p>" : "<p><a href=\"/staff?all=1\">\(web.t("staff.queue.showAll"))</a></p>"
        return StaffPages.page(
            web,
            web.t("staff.queue.title"),
            """
            \(filter)
            \(Markup.when(requests.isEmpty, "<p>\(web.t("staff.queue.empty"))</p>"))
            <ul class="orders">\(rows)</ul>
            """,
            error: error
        )
    }

    static func actions(_ web: Web, _ request: PrivacyRequestView, errors: [String: String]) -> Markup {
        let id = request.id.uuidString
        return """
            \(StaffPages.button(web, action: "/staff/requests/\(id)/complete", text: web.t("staff.queue.complete"), testID: "complete-\(id)"))
            <form method="post" action="/staff/requests/\(id)/refuse" class="inline-form">\(Layout.csrfField(web))
              \(Layout.field(web, "reason", label: web.t("staff.queue.refuseReason"), errors: errors, extra: "required maxlength=\"1000\""))
              <button class="danger">\(web.t("staff.queue.refuse"))</button>
            </form>
            """
    }

    static func complete(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "requestId")
        do {
            _ = try await web.staffClient().send(Endpoints.Staff.staffCompletePrivacyRequest, id)
            return web.redirect("/staff?done=completed")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await queue(web, error: title, errors: fields, failed: id)
        }
    }

    static func refuse(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "requestId")
        do {
            let body = RefusePrivacyRequest(reason: web.form("reason"))
            _ = try await web.staffClient().send(Endpoints.Staff.staffRefusePrivacyRequest, id, body: body)
            return web.redirect("/staff?done=refused")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await queue(web, error: title, errors: fields, failed: id)
        }
    }

    /// The request kinds and statuses the API sends, by their literal keys.
    static func kind(_ web: Web, _ kind: String) -> String {
        switch kind {
        case "block": web.t("request.block")
        case "destroy": web.t("request.destroy")
        default: kind
        }
    }

    static func status(_ web: Web, _ status: String) -> String {
        switch status {
        case "received": web.t("staff.requestStatus.received")
        case "completed": web.t("staff.requestStatus.completed")
        case "refused": web.t("staff.requestStatus.refused")
        default: status
        }
    }
}
