import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.3.1 branches and ATMs: the ones near a point (the public search, as staff have no list of their own), a new
/// one, one replaced (the form filled from the public record in kk, ru and en) or deleted.
enum StaffBranchPages {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "branches") { web in try await list(web) }
        StaffPages.get(routes, "branches", "new") { web in form(web, cells: ["kind": "branch"]) }
        StaffPages.post(routes, "branches") { web in try await save(web, id: nil) }
        StaffPages.get(routes, "branches", ":branchId") { web in try await edit(web) }
        StaffPages.post(routes, "branches", ":branchId") { web in try await save(web, id: try StaffPages.id(web, "branchId")) }
        StaffPages.post(routes, "branches", ":branchId", "delete") { web in try await delete(web) }
        StaffBranchImport.register(routes)
    }

    /// Near `lat`/`lon` (Almaty's centre by default) within `radiusKm`, nearest first, up to 50.
    static func list(_ web: Web) async throws -> Response {
        let lat = web.request.query[String.self, at: "lat"] ?? "43.24"
        let lon = web.request.query[String.self, at: "lon"] ?? "76.92"
        let radius = web.request.query[String.self, at: "radiusKm"] ?? "50"
        let query = [("lat", lat), ("lon", lon), ("radiusKm", radius), ("limit", "50")].map { URLQueryItem(name: $0.0, value: $0.1) }
        let found: NearbyBranches
        var failure: String?
        do {
            found = try await web.staffClient().send(Endpoints.Branches.findNearbyBranches, query: query)
        } catch {
            failure = try StaffPages.refusal(error).title
            found = NearbyBranches(language: web.language.rawValue, latitude: 0, longitude: 0, radiusKm: 0, items: [], nextCursor: nil)
        }
        let rows: [Markup] = found.items.map { branch in
            let id = branch.id.uuidString
            return """
                <tr><td><a href="/staff/branches/\(id)">\(branch.code)</a></td><td>\(kind(web, branch.kind))</td>
                  <td>\(branch.name)<br><small>\(branch.address)</small></td><td class="num">\(branch.distanceMetres ?? 0)</td>
                  <td>\(StaffPages.button(web, action: "/staff/branches/\(id)/delete", text: web.t("staff.branches.delete"), style: "link", testID: "delete-\(branch.code)"))</td></tr>
                """
        }
        return StaffPages.page(
            web,
            web.t("staff.branches.title"),
            """
            <p><a class="button" href="/staff/branches/new">\(web.t("staff.branches.new"))</a>
              <a class="button" href="/staff/branches/import">\(web.t("staff.import.title"))</a></p>
            <form method="get" action="/staff/branches" class="filters">
              \(Layout.field(web, "lat", label: web.t("staff.branches.latitude"), value: lat, extra: "inputmode=\"decimal\""))
              \(Layout.field(web, "lon", label: web.t("staff.branches.longitude"), value: lon, extra: "inputmode=\"decimal\""))
              \(Layout.field(web, "radiusKm", label: web.t("staff.branches.radius"), value: radius, extra: "inputmode=\"decimal\""))
              <button class="secondary">\(web.t("staff.branches.search"))</button>
            </form>
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.branches.empty"))</p>"))
            \(Markup.when(!rows.isEmpty, """
            <div class="table-wrap"><table>
              <thead><tr><th>\(web.t("staff.branches.code"))</th><th>\(web.t("staff.branches.kind"))</th><th>\(web.t("staff.branches.name"))</th>
                <th>\(web.t("staff.branches.distance"))</th><th></th></tr></thead>
              <tbody>\(rows)</tbody></table></div>
            """))
            """,
            error: failure
        )
    }

    /// The form; `id` nil for a new branch.
    static func form(_ web: Web, id: UUID? = nil, cells: [String: String], error: String? = nil, errors: [String: String] = [:]) -> Response {
        let action = id.map { "/staff/branches/\($0.uuidString)" } ?? "/staff/branches"
        return StaffPages.page(
            web,
            id == nil ? web.t("staff.branches.new") : web.t("staff.branches.edit"),
            """
            <form method="post" action="\(action)" class="card">\(Layout.csrfField(web))
              \(StaffBranchForm.fields(web, cells, errors: errors))
              <button>\(web.t("staff.branches.save"))</button>
            </form>
            \(Markup.when(id != nil, StaffPages.button(web, action: action + "/delete", text: web.t("staff.branches.delete"), style: "danger")))
            <p><a href="/staff/branches">\(web.t("staff.branches.back"))</a></p>
            """,
            error: error
        )
    }

    /// The edit form, filled from the public record read once per language.
    static func edit(_ web: Web) async throws -> Response {
        let id = try StaffPages.id(web, "branchId")
        var views: [Language: BranchView] = [:]
        for language in Language.allCases {
            let client = StaffClient(baseURL: web.apiBaseURL, language: language.rawValue, transport: web.transport)
            views[language] = try await client.send(Endpoints.Branches.getBranch, id)
        }
        guard let kk = views[.kk], let ru = views[.ru], let en = views[.en] else { throw Abort(.notFound) }
        let cells = StaffBranchForm.cells(
            code: kk.code,
            kind: kk.kind,
            name: LocalizedName(kk: kk.name, ru: ru.name, en: en.name),
            address: LocalizedName(kk: kk.address, ru: ru.address, en: en.address),
            latitude: kk.latitude,
            longitude: kk.longitude,
            hours: kk.openingHours,
            services: kk.services,
            accessibility: kk.accessibility
        )
        return form(web, id: id, cells: cells)
    }

    static func save(_ web: Web, id: UUID?) async throws -> Response {
        let cells = StaffBranchForm.posted(web)
        var errors: [String: String] = [:]
        let input = StaffBranchForm.input({ cells[$0] ?? "" }, errors: &errors, invalid: web.t("staff.badNumber"))
        guard errors.isEmpty else { return form(web, id: id, cells: cells, error: web.t("staff.checkForm"), errors: errors) }
        do {
            let staff = web.staffClient()
            let saved =
                if let id {
                    try await staff.send(Endpoints.Staff.staffReplaceBranch, id, body: input)
                } else {
                    try await staff.send(Endpoints.Staff.staffCreateBranch, body: input)
                }
            return web.redirect("/staff/branches/\(saved.id.uuidString)?done=saved")
        } catch {
            let (title, fields) = try StaffPages.refusal(error)
            return form(web, id: id, cells: cells, error: title, errors: StaffBranchForm.columnErrors(fields))
        }
    }

    static func delete(_ web: Web) async throws -> Response {
        _ = try await web.staffClient().send(Endpoints.Staff.staffDeleteBranch, try StaffPages.id(web, "branchId"))
        return web.redirect("/staff/branches?done=deleted")
    }

    static func kind(_ web: Web, _ kind: String) -> String {
        kind == "atm" ? web.t("staff.branches.kindAtm") : web.t("staff.branches.kindBranch")
    }
}
