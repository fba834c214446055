import BankAPI
import BankClient
import Foundation
import Vapor

/// §2.2.8 news, tariffs and offers: every item (scheduled ones too), publishing one in kk, ru and en (now or at a
/// time; an offer optionally sent through the marketing path), deleting one; and a marketing offer to every user
/// with a live marketing consent (`queueOffer`).
enum StaffContentPages {
    static let kinds = ["news", "tariff", "offer"]
    static let fields: Set<String> = ["kind", "title.kk", "title.ru", "title.en", "body.kk", "body.ru", "body.en", "publishedAt", "notify"]

    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "content") { web in try await list(web) }
        StaffPages.post(routes, "content") { web in try await publish(web) }
        StaffPages.post(routes, "content", ":contentId", "delete") { web in try await delete(web) }
        StaffPages.post(routes, "offers") { web in try await offer(web) }
    }

    static func list(
        _ web: Web,
        error: String? = nil,
        errors: [String: String] = [:],
        offerErrors: [String: String] = [:]
    ) async throws -> Response {
        let chosen = web.request.query[String.self, at: "kind"] ?? "all"
        var query: [URLQueryItem] = kinds.contains(chosen) ? [URLQueryItem(name: "kind", value: chosen)] : []
        if let cursor = web.request.query[String.self, at: "cursor"] { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        let page = try await web.staffClient().send(Endpoints.Staff.listStaffContent, query: query)
        let now = Date()
        let rows: [Markup] = page.items.map { item in
            """
            <li class="card" data-testid="content-\(item.id.uuidString)">
              <p><strong>\(kind(web, item.kind))</strong> · \(KazakhstanTime.text(item.publishedAt))
                \(Markup.when(item.publishedAt > now, " · <strong>\(web.t("staff.content.scheduled"))</strong>"))
                \(Markup.when(item.recipients != nil, " · \(web.t("staff.content.recipients")) \(item.recipients ?? 0)"))</p>
              <p lang="kk"><strong>\(item.title.kk)</strong> — \(item.body.kk)</p>
              <p lang="ru"><strong>\(item.title.ru)</strong> — \(item.body.ru)</p>
              <p lang="en"><strong>\(item.title.en)</strong> — \(item.body.en)</p>
              \(StaffPages.button(web, action: "/staff/content/\(item.id.uuidString)/delete", text: web.t("staff.content.delete"), style: "danger"))
            </li>
            """
        }
        let filters: [Markup] = (kinds + ["all"]).map { kind in
            "<a href=\"/staff/content?kind=\(kind)\"\(Markup(raw: kind == chosen ? " aria-current=\"true\"" : ""))>\(self.kind(web, kind))</a> "
        }
        var next = "/staff/content?cursor=" + (page.nextCursor?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        if kinds.contains(chosen) { next += "&kind=" + chosen }
        return StaffPages.page(
            web,
            web.t("staff.content.title"),
            """
            <p class="filters">\(filters)</p>
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.content.empty"))</p>"))
            <ul class="orders">\(rows)</ul>
            \(Markup.when(page.nextCursor != nil, "<p><a href=\"\(next)\">\(web.t("staff.more"))</a></p>"))
            <h2>\(web.t("staff.content.publish"))</h2>
            \(publishForm(web, errors: errors))
            <h2>\(web.t("staff.offer.title"))</h2>
            <p class="hint">\(web.t("staff.offer.explain"))</p>
            <form method="post" action="/staff/offers" class="card">\(Layout.csrfField(web))
              \(StaffPages.area(web, "kk", label: web.t("staff.content.textKk"), value: web.form("kk"), errors: offerErrors))
              \(StaffPages.area(web, "ru", label: web.t("staff.content.textRu"), value: web.form("ru"), errors: offerErrors))
              \(StaffPages.area(web, "en", label: web.t("staff.content.textEn"), value: web.form("en"), errors: offerErrors))
              <button>\(web.t("staff.offer.send"))</button>
            </form>
            """,
            error: error
        )
    }

    static func publishForm(_ web: Web, errors: [String: String]) -> Markup {
        let kindOptions = kinds.map { ($0, kind(web, $0)) }
        return """
            <form method="post" action="/staff/content" class="card">\(Layout.csrfField(web))
              \(StaffPages.select(web, "kind", label: web.t("staff.content.kind"), options: kindOptions, chosen: web.form("kind").isEmpty ? "news" : web.form("kind"), errors: errors))
              \(Layout.field(web, "title.kk", label: web.t("staff.content.titleKk"), value: web.form("title.kk"), errors: errors, extra: "required"))
              \(StaffPages.area(web, "body.kk", label: web.t("staff.content.bodyKk"), value: web.form("body.kk"), errors: errors))
              \(Layout.field(web, "title.ru", label: web.t("staff.content.titleRu"), value: web.form("title.ru"), errors: errors, extra: "required"))
              \(StaffPages.area(web, "body.ru", label: web.t("staff.content.bodyRu"), value: web.form("body.ru"), errors: errors))
              \(Layout.field(web, "title.en", label: web.t("staff.content.titleEn"), value: web.form("title.en"), errors: errors, extra: "required"))
              \(StaffPages.area(web, "body.en", label: web.t("staff.content.bodyEn"), value: web.form("body.en"), errors: errors))
              \(Layout.field(web, "publishedAt", label: web.t("staff.content.publishedAt"), value: web.form("publishedAt"), type: "datetime-local", errors: errors))
              <label class="choice"><input type="checkbox" name="notify" value="true"\(Markup(raw: web.form("notify") == "true" ? " checked" : ""))> \(web.t("staff.content.notify"))</label>
              <button>\(web.t("staff.content.submit"))</button>
            </form>
            \(StaffPages.otherErrors(errors, shown: fields))
            """
    }

    static func publish(_ web: Web) async throws -> Response {
        let when = StaffPages.optional(web.form("publishedAt"))
        let publishedAt = when.flatMap(StaffPages.date)
        if when != nil, publishedAt == nil {
            return try await list(web, error: web.t("staff.checkForm"), errors: ["publishedAt": web.t("staff.badDate")])
        }
        let body = ContentPublishRequest(
            kind: web.form("kind"),
            title: LocalizedText(kk: web.form("title.kk"), ru: web.form("title.ru"), en: web.form("title.en")),
            body: LocalizedText(kk: web.form("body.kk"), ru: web.form("body.ru"), en: web.form("body.en")),
            publishedAt: publishedAt,
            notify: web.form("notify") == "true" ? true : nil
        )
        do {
            _ = try await web.staffClient().send(Endpoints.Staff.publishContent, body: body)
            return web.redirect("/staff/content?done=published")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await list(web, error: title, errors: fields)
        }
    }

    static func delete(_ web: Web) async throws -> Response {
        _ = try await web.staffClient().send(Endpoints.Staff.deleteContent, try StaffPages.id(web, "contentId"))
        return web.redirect("/staff/content?done=deleted")
    }

    /// The offer goes out now; the page says to how many people.
    static func offer(_ web: Web) async throws -> Response {
        do {
            let body = LocalizedOffer(kk: web.form("kk"), ru: web.form("ru"), en: web.form("en"))
            let queued = try await web.staffClient().send(Endpoints.Staff.queueOffer, body: body)
            return web.redirect("/staff/content?done=offered&n=\(queued.recipients)")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await list(web, error: title, offerErrors: fields)
        }
    }

    static func kind(_ web: Web, _ kind: String) -> String {
        switch kind {
        case "news": web.t("staff.contentKind.news")
        case "tariff": web.t("staff.contentKind.tariff")
        case "offer": web.t("staff.contentKind.offer")
        default: web.t("staff.contentKind.all")
        }
    }
}
