import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// The company's people (issue 3): employees and their roles for everyone; for the director also invitations
/// (invite, revoke), the signing rule and the payment limits. The changes are step-up operations (`EmployeeActions`).
enum EmployeePages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("employees") { req in try await page(Web(req)) }
        routes.post("employees", "invite") { req in try await EmployeeActions.invite(Web(req)) }
        routes.post("employees", "invitations", ":invitationId", "revoke") { req in try await EmployeeActions.revoke(Web(req)) }
        routes.post("employees", "signing-rule") { req in try await EmployeeActions.signingRule(Web(req)) }
        routes.post("employees", "limits") { req in try await EmployeeActions.limit(Web(req)) }
    }

    static let invitedRoles = ["accountant", "operator", "viewer"]
    static let shownFields = ["fullName", "iin", "phone", "email", "dualSignatureAbove", "perPayment", "daily"]

    static func page(
        _ web: Web,
        notice: String? = nil,
        error: (any Error)? = nil,
        alert: String? = nil,
        values: [String: String] = [:]
    ) async throws -> Response {
        let client = web.client()
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let employees = try await client.send(Endpoints.Employees.listEmployees, company.id).items
        let query = "?company=\(company.id.uuidString)"
        let people: [Markup] = employees.map { person in
            """
            <li class="card"><strong>\(person.fullName)</strong> · \(person.phoneMasked)
              <p><span class="status">\(web.t("role." + person.role))</span>\(Markup.when(person.since != nil, " · \(web.t("employees.since")) \(person.since.map(KazakhstanTime.text) ?? "")"))</p></li>
            """
        }
        var director: Markup = ""
        if company.role == "director" {
            let invitations = try await client.send(Endpoints.Employees.listInvitations, company.id).items
            let rule = try await client.send(Endpoints.Payments.getSigningRule, company.id)
            let limits = try await client.send(Endpoints.Payments.listLimits, company.id).items
            let fields = error.flatMap { Layout.errors(of: $0)?.fields } ?? [:]
            func value(_ name: String) -> String { values[name] ?? "" }
            let invitationRows: [Markup] = invitations.map { item in
                """
                <li class="card"><strong>\(item.fullName)</strong> · \(item.phoneMasked) · \(web.t("role." + item.role))
                  <p><span class="status">\(web.t("invitation." + item.status))</span> · \(web.t("employees.expires")) \(KazakhstanTime.text(item.expiresAt))</p>
                  \(Markup.when(item.status == "pending", """
                  <form method="post" action="/employees/invitations/\(item.id.uuidString)/revoke\(query)" class="inline">\(Layout.csrfField(web))
                    <button class="secondary">\(web.t("employees.revoke"))</button></form>
                  """))
                </li>
                """
            }
            let names = Dictionary(employees.map { ($0.userId, $0.fullName) }, uniquingKeysWith: { first, _ in first })
            let limitRows: [Markup] = limits.map { limit in
                let who = limit.userId.map { names[$0] ?? $0.uuidString } ?? web.t("employees.wholeCompany")
                let per = limit.perPayment.map { MoneyFormat.text(minorUnits: $0, currency: limit.currency) } ?? web.t("employees.noLimit")
                let daily = limit.daily.map { MoneyFormat.text(minorUnits: $0, currency: limit.currency) } ?? web.t("employees.noLimit")
                return "<tr><td>\(who)</td><td>\(limit.currency)</td><td class=\"num\">\(per)</td><td class=\"num\">\(daily)</td></tr>"
            }
            let roles = ServiceKit.options(invitedRoles.map { ($0, web.t("role." + $0)) }, selected: value("role"))
            let who = ServiceKit.options(
                [("", web.t("employees.wholeCompany"))] + employees.map { ($0.userId.uuidString, $0.fullName) },
                selected: value("userId")
            )
            let currencies = ServiceKit.options(["KZT", "USD", "EUR"].map { ($0, $0) }, selected: value("currency"))
            let threshold = values["dualSignatureAbove"] ?? ServiceKit.decimal(rule.dualSignatureAbove)
            let alone = values["authorMaySignAlone"].map { $0 == "true" } ?? (rule.authorMaySignAlone ?? true)
            director = """
                <section><h2>\(web.t("employees.invitations"))</h2>
                  \(Markup.when(invitations.isEmpty, "<p>\(web.t("employees.noInvitations"))</p>"))
                  <ul class="orders">\(invitationRows)</ul>
                  <form method="post" action="/employees/invite\(query)" class="card" novalidate>\(Layout.csrfField(web))
                    <h3>\(web.t("employees.invite"))</h3>
                    \(Layout.field(web, "fullName", label: web.t("field.fullName"), value: value("fullName"), errors: fields, extra: "required autocomplete=\"off\""))
                    \(Layout.field(web, "iin", label: web.t("field.iin"), value: value("iin"), errors: fields, extra: "inputmode=\"numeric\" maxlength=\"12\" required"))
                    \(Layout.field(web, "phone", label: web.t("field.phone"), value: value("phone"), type: "tel", errors: fields, extra: "required"))
                    \(Layout.field(web, "email", label: web.t("field.email"), value: value("email"), type: "email", errors: fields, extra: "required"))
                    <label class="field"><span>\(web.t("employees.role"))</span><select name="role">\(roles)</select></label>
                    <button>\(web.t("employees.sendInvite"))</button>
                  </form>
                </section>
                <section><h2>\(web.t("employees.signingRule"))</h2>
                  <form method="post" action="/employees/signing-rule\(query)" class="card" novalidate>\(Layout.csrfField(web))
                    \(Layout.field(web, "dualSignatureAbove", label: web.t("employees.dualAbove"), value: threshold, errors: fields, extra: "inputmode=\"decimal\""))
                    <p class="hint">\(web.t("employees.dualHint"))</p>
                    <label class="choice"><input type="checkbox" name="authorMaySignAlone" value="true"\(Markup(raw: alone ? " checked" : ""))>
                      <span>\(web.t("employees.authorAlone"))</span></label>
                    <button>\(web.t("employees.saveRule"))</button>
                  </form>
                </section>
                <section><h2>\(web.t("employees.limits"))</h2>
                  \(Markup.when(limitRows.isEmpty, "<p>\(web.t("employees.noLimits"))</p>"))
                  \(Markup.when(!limitRows.isEmpty, """
                  <div class="table-wrap"><table><thead><tr><th>\(web.t("employees.who"))</th><th>\(web.t("field.currency"))</th>
                    <th class="num">\(web.t("employees.perPayment"))</th><th class="num">\(web.t("employees.daily"))</th></tr></thead>
                    <tbody>\(limitRows)</tbody></table></div>
                  """))
                  <form method="post" action="/employees/limits\(query)" class="card" novalidate>\(Layout.csrfField(web))
                    <label class="field"><span>\(web.t("employees.who"))</span><select name="userId">\(who)</select></label>
                    <label class="field"><span>\(web.t("field.currency"))</span><select name="currency">\(currencies)</select></label>
                    \(Layout.field(web, "perPayment", label: web.t("employees.perPayment"), value: value("perPayment"), errors: fields, extra: "inputmode=\"decimal\""))
                    \(Layout.field(web, "daily", label: web.t("employees.daily"), value: value("daily"), errors: fields, extra: "inputmode=\"decimal\""))
                    <p class="hint">\(web.t("employees.limitHint"))</p>
                    <button>\(web.t("employees.saveLimit"))</button>
                  </form>
                </section>
                """
        }
        return web.page(
            web.t("employees.title"),
            """
            \(error.map { ServiceKit.problem($0, shown: shownFields) } ?? "")
            \(Layout.alert(alert))
            \(ServiceKit.notice(notice))
            <p class="company">\(company.name) · \(company.bin)</p>
            <section><h2>\(web.t("employees.people"))</h2><ul class="orders">\(people)</ul></section>
            \(Markup.when(company.role != "director", "<p class=\"hint\">\(web.t("employees.directorOnly"))</p>"))
            \(director)
            """
        )
    }
}
