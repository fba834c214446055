import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// The privacy centre: consents on and off per purpose, the export (JSON and a readable page), correction of the
/// name, the phone and the e-mail (on the profile, `ContactChangePages`), block and destroy requests with their deadlines, disclosures about me, the editions accepted.
enum PrivacyPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("privacy") { req in try await centre(Web(req)) }
        routes.post("privacy", "consents") { req in try await consent(Web(req)) }
        routes.post("privacy", "requests") { req in try await request(Web(req)) }
        routes.get("privacy", "export.json") { req in try await exportJSON(Web(req)) }
        routes.get("privacy", "export") { req in try await exportPage(Web(req)) }
        routes.get("profile") { req in try await profile(Web(req)) }
        routes.post("profile", "name") { req in try await rename(Web(req)) }
        routes.post("profile", "sessions", ":sessionId", "revoke") { req in try await revoke(Web(req)) }
        routes.post("profile", "devices", ":deviceId", "remove") { req in try await removeDevice(Web(req)) }
    }

    static func centre(_ web: Web, notice: String? = nil, error: String? = nil) async throws -> Response {
        let client = web.client()
        let consents = try await client.send(Endpoints.Privacy.listConsents)
        let requests = try await client.send(Endpoints.Privacy.listMyPrivacyRequests).items
        let disclosures = try await client.send(Endpoints.Privacy.listMyDisclosures).items
        let acceptances = try await client.send(Endpoints.Privacy.listPolicyAcceptances)
        let purposes: [Markup] = consents.items.filter { $0.purpose.switchable }.map { state in
            """
            <li class="consent">
              <div><strong>\(state.purpose.name)</strong> <small>\(state.purpose.clause)</small>
                <p>\(state.purpose.description)</p>
                \(Markup.when(state.purpose.crossBorder, "<p class=\"hint\">\(web.t("privacy.crossBorder"))</p>"))</div>
              <form method="post" action="/privacy/consents">\(Layout.csrfField(web))
                <input type="hidden" name="purpose" value="\(state.purpose.id)">
                <input type="hidden" name="grant" value="\(state.granted ? "false" : "true")">
                <button class="\(state.granted ? "secondary" : "")" data-testid="consent-\(state.purpose.id)">\(web.t(state.granted ? "privacy.withdraw" : "privacy.grant"))</button>
              </form>
            </li>
            """
        }
        let requestRows: [Markup] = requests.map {
            "<li>\(web.t("request." + $0.kind)) · \(web.t("requestStatus." + $0.status)) · \(web.t("privacy.due")) \(KazakhstanTime.text($0.dueAt))\(Markup.when($0.refusalReason != nil, " · \($0.refusalReason ?? "")"))</li>"
        }
        let disclosureRows: [Markup] = disclosures.map {
            "<li>\($0.recipientName) · \($0.clause) · \(KazakhstanTime.text($0.disclosedAt))</li>"
        }
        let acceptanceRows: [Markup] = acceptances.map {
            "<li>\(web.t("privacy.edition")) \($0.version) · \(KazakhstanTime.text($0.acceptedAt))</li>"
        }
        return web.page(
            web.t("privacy.title"),
            """
            \(Layout.alert(error))
            \(Markup.when(notice != nil, "<p class=\"notice\" role=\"status\">\(notice ?? "")</p>"))
            <section><h2>\(web.t("privacy.consents"))</h2><ul class="consents">\(purposes)</ul></section>
            <section><h2>\(web.t("privacy.correction"))</h2>
              <p>\(web.t("privacy.correctionHint")) <a href="/profile#contacts">\(web.t("profile.title"))</a></p></section>
            <section><h2>\(web.t("privacy.export"))</h2>
              <p><a class="button" href="/privacy/export">\(web.t("privacy.exportPage"))</a> <a href="/privacy/export.json" download>JSON</a></p></section>
            <section><h2>\(web.t("privacy.requests"))</h2>
              <ul>\(requestRows)</ul>
              <form method="post" action="/privacy/requests" class="inline-form">\(Layout.csrfField(web))
                <select name="kind" aria-label="\(web.t("privacy.requests"))"><option value="block">\(web.t("request.block"))</option><option value="destroy">\(web.t("request.destroy"))</option></select>
                <button>\(web.t("privacy.submitRequest"))</button>
              </form></section>
            <section><h2>\(web.t("privacy.disclosures"))</h2>\(Markup.when(disclosureRows.isEmpty, "<p>\(web.t("privacy.noDisclosures"))</p>"))<ul>\(disclosureRows)</ul></section>
            <section><h2>\(web.t("privacy.acceptances"))</h2><ul>\(acceptanceRows)</ul>
              <p><a href="/policy">\(web.t("privacy.readPolicy"))</a></p></section>
            """
        )
    }

    static func consent(_ web: Web) async throws -> Response {
        guard let purpose = ProcessingPurpose(rawValue: web.form("purpose")) else { throw Abort(.badRequest) }
        let client = web.client()
        do {
            if web.form("grant") == "true" { try await client.grantConsent(purpose) } else { try await client.withdrawConsent(purpose) }
            return web.redirect("/privacy")
        } catch let error where Layout.errors(of: error) != nil {
            return try await centre(web, error: Layout.errors(of: error)?.title)
        }
    }

    static func request(_ web: Web) async throws -> Response {
        do {
            let made = try await web.client().send(Endpoints.Privacy.submitPrivacyRequest, body: SubmitPrivacyRequest(kind: web.form("kind")))
            return try await centre(web, notice: "\(web.t("privacy.requestReceived")) \(KazakhstanTime.text(made.dueAt))")
        } catch let error where Layout.errors(of: error) != nil {
            return try await centre(web, error: Layout.errors(of: error)?.title)
        }
    }

    static func exportJSON(_ web: Web) async throws -> Response {
        let bytes = try await web.client().download(Endpoints.Privacy.exportMyData, NoParameters(), body: NoBody())
        return Response(
            status: .ok,
            headers: ["Content-Type": "application/json", "Content-Disposition": "attachment; filename=\"bizbank-my-data.json\""],
            body: .init(data: bytes)
        )
    }

    static func exportPage(_ web: Web) async throws -> Response {
        let data = try await web.client().send(Endpoints.Privacy.exportMyData)
        func row(_ key: String, _ value: String) -> Markup { "<dt>\(web.t(key))</dt><dd>\(value)</dd>" }
        let counts: [Markup] = [
            ("export.companies", data.companies.count), ("export.devices", data.devices.count), ("export.sessions", data.sessions.count),
            ("export.consents", data.consents.count), ("export.accessLog", data.accessLog.count), ("export.documents", data.documents.count),
            ("export.tickets", data.supportTickets.count), ("export.inbox", data.inbox.count), ("export.disclosures", data.disclosures.count),
        ].map { row($0.0, String($0.1)) }
        return web.page(
            web.t("privacy.exportPage"),
            """
            <p>\(data.operatorName) · \(data.operatorBin) · \(KazakhstanTime.text(data.generatedAt))</p>
            <dl class="order">
              \(row("field.fullName", data.profile.fullName))
              \(row("field.iin", data.profile.iin))
              \(row("field.phone", data.profile.phone))
              \(row("field.email", data.profile.email))
              \(counts)
            </dl>
            <p><a href="/privacy/export.json" download>JSON</a> · <a href="/privacy">\(web.t("privacy.title"))</a></p>
            """
        )
    }

    static func profile(_ web: Web, notice: String? = nil, error: String? = nil, errors: [String: String] = [:]) async throws -> Response {
        let client = web.client()
        let me = try await client.send(Endpoints.Sessions.getMe)
        let sessions = try await client.send(Endpoints.Sessions.listSessions).items
        let sessionRows: [Markup] = sessions.map { session in
            """
            <li>\(session.deviceName) · \(KazakhstanTime.text(session.createdAt))\(Markup.when(session.current, " · <strong>\(web.t("profile.thisSession"))</strong>"))
              \(Markup.when(!session.current, """
              <form method="post" action="/profile/sessions/\(session.id.uuidString)/revoke" class="inline">\(Layout.csrfField(web))<button class="link">\(web.t("profile.revoke"))</button></form>
              """))</li>
            """
        }
        let devices = try await client.send(Endpoints.Sessions.listDevices).items
        let deviceRows: [Markup] = devices.map { device in
            """
            <li data-testid="device">\(device.name) · \(device.platform) · \(web.t("profile.lastSeen")) \(KazakhstanTime.text(device.lastSeenAt))\(
                Markup.when(device.hasDeviceKey, " · \(web.t("profile.passkey"))"))
              <form method="post" action="/profile/devices/\(device.id.uuidString)/remove" class="inline">\(Layout.csrfField(web))<button class="link">\(web.t("profile.removeDevice"))</button></form></li>
            """
        }
        return web.page(
            web.t("profile.title"),
            """
            \(Layout.alert(error))
            \(Markup.when(notice != nil, "<p class=\"notice\" role=\"status\">\(notice ?? "")</p>"))
            <p>\(me.phoneMasked) · \(me.email ?? web.t("profile.emailHidden"))</p>
            <form method="post" action="/profile/name" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "fullName", label: web.t("field.fullName"), value: me.fullName, errors: errors, extra: "required"))
              <button>\(web.t("profile.saveName"))</button>
            </form>
            \(ContactChangePages.forms(web, me: me, errors: errors))
            \(PasskeyPages.enrolButton(web))
            <h2>\(web.t("profile.sessions"))</h2><ul>\(sessionRows)</ul>
            <h2>\(web.t("profile.devices"))</h2><p class="hint">\(web.t("profile.devicesHint"))</p><ul>\(deviceRows)</ul>
            """
        )
    }

    static func rename(_ web: Web) async throws -> Response {
        do {
            _ = try await web.client().send(Endpoints.Sessions.updateProfile, body: ProfileUpdate(fullName: web.form("fullName")))
            return try await profile(web, notice: web.t("profile.saved"))
        } catch let error where Layout.errors(of: error) != nil {
            let (title, errors) = Layout.errors(of: error) ?? ("", [:])
            return try await profile(web, error: title, errors: errors)
        }
    }

    static func revoke(_ web: Web) async throws -> Response {
        guard let id = web.request.parameters.get("sessionId").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        _ = try await web.client().send(Endpoints.Sessions.revokeSession, id)
        return web.redirect("/profile")
    }

    /// A device removed loses its passkey and its trust: the next sign-in from it asks for an SMS code again.
    static func removeDevice(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Sessions.removeDevice, try ServiceKit.id(web, "deviceId"))
        return web.redirect("/profile")
    }
}
