import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.2.3, §2.2.8: the in-app inbox (newest first, read one or all) and which channels each kind of notice may use.
enum InboxPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("inbox") { req in try await page(Web(req)) }
        routes.post("inbox", "read-all") { req in try await readAll(Web(req)) }
        routes.post("inbox", "preferences") { req in try await preferences(Web(req)) }
        routes.post("inbox", ":itemId", "read") { req in try await read(Web(req)) }
    }

    static let operationalChannels = ["push", "sms", "email"]
    static let marketingChannels = ["push", "sms", "email", "in_app"]

    static func page(_ web: Web, notice: String? = nil, error: (any Error)? = nil) async throws -> Response {
        let client = web.client()
        var query: [URLQueryItem] = []
        let cursor = web.request.query[String.self, at: "cursor"] ?? ""
        if !cursor.isEmpty { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        let inbox = try await client.send(Endpoints.Notifications.listMyInbox, options: BankClient.Options(query: query))
        let prefs = try await client.send(Endpoints.Notifications.getNotificationPreferences)
        let items: [Markup] = inbox.items.map { item in
            """
            <li class="card">
              <p><span class="status">\(web.t("inboxCategory." + item.category))</span> · \(KazakhstanTime.text(item.createdAt))\(Markup.when(item.readAt == nil, " · <strong>\(web.t("inbox.new"))</strong>"))</p>
              <strong>\(item.title)</strong>
              <p>\(item.body)</p>
              \(Markup.when(item.readAt == nil, """
              <form method="post" action="/inbox/\(item.id.uuidString)/read" class="inline">\(Layout.csrfField(web))
                <button class="link">\(web.t("inbox.markRead"))</button></form>
              """))
            </li>
            """
        }
        func boxes(_ name: String, _ channels: [String], chosen: [String]) -> [Markup] {
            channels.map { channel in
                """
                <label class="choice"><input type="checkbox" name="\(name)[]" value="\(channel)"\(Markup(raw: chosen.contains(channel) ? " checked" : ""))>
                  <span>\(web.t("channel." + channel))</span></label>
                """
            }
        }
        let languages = ServiceKit.options(
            [("", web.t("inbox.languageDefault")), ("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
            selected: prefs.language ?? ""
        )
        let security = prefs.security.map { web.t("channel." + $0) }.joined(separator: ", ")
        return web.page(
            web.t("inbox.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            \(ServiceKit.notice(notice))
            <p>\(web.t("inbox.unread")) <strong data-testid="unread">\(inbox.unreadCount)</strong></p>
            \(Markup.when(inbox.unreadCount > 0, """
            <form method="post" action="/inbox/read-all">\(Layout.csrfField(web))<button class="secondary">\(web.t("inbox.markAllRead"))</button></form>
            """))
            \(Markup.when(inbox.items.isEmpty, "<p>\(web.t("inbox.empty"))</p>"))
            <ul class="orders">\(items)</ul>
            \(Markup.when(inbox.nextCursor != nil, "<p><a href=\"/inbox?cursor=\(inbox.nextCursor ?? "")\">\(web.t("inbox.more"))</a></p>"))
            <section><h2>\(web.t("inbox.preferences"))</h2>
              <form method="post" action="/inbox/preferences" class="card">\(Layout.csrfField(web))
                <label class="field"><span>\(web.t("inbox.language"))</span><select name="language">\(languages)</select></label>
                <p class="hint">\(web.t("inbox.security")) \(security)</p>
                <fieldset><legend>\(web.t("inbox.operational"))</legend>
                  <p class="hint">\(web.t("inbox.operationalHint"))</p>
                  \(boxes("operational", operationalChannels, chosen: prefs.operational))</fieldset>
                <fieldset><legend>\(web.t("inbox.marketing"))</legend>
                  \(Markup.when(!prefs.marketingConsent, "<p class=\"hint\">\(web.t("inbox.marketingConsent")) <a href=\"/privacy\">\(web.t("nav.privacy"))</a></p>"))
                  \(boxes("marketing", marketingChannels, chosen: prefs.marketing))</fieldset>
                <button>\(web.t("inbox.save"))</button>
              </form>
            </section>
            """
        )
    }

    static func read(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Notifications.readMyInboxItem, try ServiceKit.id(web, "itemId"))
        return web.redirect("/inbox")
    }

    static func readAll(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Notifications.readAllMyInbox)
        return web.redirect("/inbox")
    }

    static func preferences(_ web: Web) async throws -> Response {
        func chosen(_ name: String, _ allowed: [String]) -> [String] {
            let sent = (try? web.request.content.get([String].self, at: name)) ?? []
            return allowed.filter { sent.contains($0) }
        }
        let language = web.form("language")
        let update = NotificationPreferencesUpdate(
            language: language.isEmpty ? nil : language,
            operational: chosen("operational", operationalChannels) + ["in_app"],
            marketing: chosen("marketing", marketingChannels)
        )
        do {
            _ = try await web.client().send(Endpoints.Notifications.setNotificationPreferences, body: update)
            return try await page(web, notice: web.t("inbox.saved"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await page(web, error: error)
        }
    }
}
