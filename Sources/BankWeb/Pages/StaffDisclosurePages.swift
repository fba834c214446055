import BankAPI
import BankClient
import Foundation
import Vapor

/// §3.3 the disclosure register: newest first, optionally for one user, page by page; and recording one disclosure
/// with its basis (consent §3.3.1, law §3.3.2, protection of rights §3.3.3).
enum StaffDisclosurePages {
    static let fields: Set<String> = [
        "userId", "recipientName", "recipientBin", "dataCategories", "basis", "legalReference", "caseReference", "disclosedAt",
    ]

    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "disclosures") { web in try await list(web) }
        StaffPages.get(routes, "disclosures", "new") { web in try await form(web) }
        StaffPages.post(routes, "disclosures") { web in try await record(web) }
    }

    static func list(_ web: Web) async throws -> Response {
        let userID = web.request.query[String.self, at: "userId"] ?? ""
        var query: [URLQueryItem] = []
        if !userID.isEmpty { query.append(URLQueryItem(name: "userId", value: userID)) }
        if let cursor = web.request.query[String.self, at: "cursor"] { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        let page = try await web.staffClient().send(Endpoints.Staff.listDisclosures, query: query)
        let rows: [Markup] = page.items.map { item in
            let reference = item.legalReference ?? item.caseReference
            return """
                <tr><td>\(KazakhstanTime.text(item.disclosedAt))</td>
                  <td>\(item.recipientName)\(Markup.when(item.recipientBin != nil, "<br><small>\(item.recipientBin ?? "")</small>"))</td>
                  <td>\(item.dataCategories.map(\.name).joined(separator: ", "))</td>
                  <td>\(basis(web, item.basis)) (\(item.clause))\(Markup.when(reference != nil, "<br><small>\(reference ?? "")</small>"))</td>
                  <td><a href="/staff/disclosures?userId=\(item.userId.uuidString)"><code>\(item.userId.uuidString)</code></a></td>
                  <td>\(item.staffRole)<br><small>\(KazakhstanTime.text(item.recordedAt))</small></td></tr>
                """
        }
        var next = "/staff/disclosures?cursor=" + (page.nextCursor?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        if !userID.isEmpty { next += "&userId=" + (userID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        return StaffPages.page(
            web,
            web.t("staff.disclosures.title"),
            """
            <form method="get" action="/staff/disclosures" class="filters">
              \(Layout.field(web, "userId", label: web.t("staff.users.userId"), value: userID))
              <button class="secondary">\(web.t("staff.disclosures.filter"))</button>
            </form>
            <p><a class="button" href="/staff/disclosures/new\(userID.isEmpty ? "" : "?userId=" + userID)">\(web.t("staff.disclosures.record"))</a></p>
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.disclosures.empty"))</p>"))
            \(Markup.when(!rows.isEmpty, """
            <div class="table-wrap"><table>
              <thead><tr><th>\(web.t("staff.disclosures.when"))</th><th>\(web.t("staff.disclosures.recipient"))</th>
                <th>\(web.t("staff.disclosures.categories"))</th><th>\(web.t("staff.disclosures.basis"))</th>
                <th>\(web.t("staff.users.userId"))</th><th>\(web.t("staff.role"))</th></tr></thead>
              <tbody>\(rows)</tbody></table></div>
            """))
            \(Markup.when(page.nextCursor != nil, "<p><a href=\"\(next)\">\(web.t("staff.more"))</a></p>"))
            """
        )
    }

    static func form(_ web: Web, error: String? = nil, errors: [String: String] = [:]) async throws -> Response {
        let categories = try await StaffBreachPages.categories(web)
        let posted = web.request.method == .POST
        let userID = posted ? web.form("userId") : web.request.query[String.self, at: "userId"] ?? ""
        let chosenBasis = posted ? web.form("basis") : "law"
        let bases = ["consent", "law", "protection_of_rights"].map { ($0, basis(web, $0)) }
        return StaffPages.page(
            web,
            web.t("staff.disclosures.record"),
            """
            <form method="post" action="/staff/disclosures" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "userId", label: web.t("staff.users.userId"), value: userID, errors: errors, extra: "required"))
              \(Layout.field(web, "recipientName", label: web.t("staff.disclosures.recipientName"), value: web.form("recipientName"), errors: errors, extra: "required"))
              \(Layout.field(web, "recipientBin", label: web.t("staff.disclosures.recipientBin"), value: web.form("recipientBin"), errors: errors, extra: "inputmode=\"numeric\" maxlength=\"12\""))
              \(StaffPages.checkboxes("dataCategories", legend: web.t("staff.disclosures.categories"), options: categories, chosen: Set(StaffPages.values(web, "dataCategories")), errors: errors))
              \(StaffPages.select(web, "basis", label: web.t("staff.disclosures.basis"), options: bases, chosen: chosenBasis, errors: errors))
              \(Layout.field(web, "legalReference", label: web.t("staff.disclosures.legalReference"), value: web.form("legalReference"), errors: errors))
              \(Layout.field(web, "caseReference", label: web.t("staff.disclosures.caseReference"), value: web.form("caseReference"), errors: errors))
              \(Layout.field(web, "disclosedAt", label: web.t("staff.disclosures.disclosedAt"), value: web.form("disclosedAt"), type: "datetime-local", errors: errors))
              <p class="hint">\(web.t("staff.disclosures.hint"))</p>
              <button>\(web.t("staff.disclosures.submit"))</button>
            </form>
            \(StaffPages.otherErrors(errors, shown: fields))
            """,
            error: error
        )
    }

    static func record(_ web: Web) async throws -> Response {
        var errors: [String: String] = [:]
        let userID = UUID(uuidString: web.form("userId"))
        if userID == nil { errors["userId"] = web.t("staff.users.badId") }
        let when = StaffPages.optional(web.form("disclosedAt"))
        let disclosedAt = when.flatMap(StaffPages.date)
        if when != nil, disclosedAt == nil { errors["disclosedAt"] = web.t("staff.badDate") }
        guard let userID, errors.isEmpty else { return try await form(web, error: web.t("staff.checkForm"), errors: errors) }
        let body = RecordDisclosureRequest(
            userId: userID,
            recipientName: web.form("recipientName"),
            recipientBin: StaffPages.optional(web.form("recipientBin")),
            dataCategories: StaffPages.values(web, "dataCategories"),
            basis: web.form("basis"),
            legalReference: StaffPages.optional(web.form("legalReference")),
            caseReference: StaffPages.optional(web.form("caseReference")),
            disclosedAt: disclosedAt
        )
        do {
            let made = try await web.staffClient().send(Endpoints.Staff.recordDisclosure, body: body)
            return web.redirect("/staff/disclosures?done=recorded&userId=\(made.userId.uuidString)")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return try await form(web, error: title, errors: fields)
        }
    }

    static func basis(_ web: Web, _ basis: String) -> String {
        switch basis {
        case "consent": web.t("staff.basis.consent")
        case "law": web.t("staff.basis.law")
        case "protection_of_rights": web.t("staff.basis.protectionOfRights")
        default: basis
        }
    }
}
