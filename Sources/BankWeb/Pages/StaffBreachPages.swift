import BankAPI
import BankClient
import Foundation
import Vapor

/// The breach register (Law 94-V): record an incident (the affected people as user ids or as every member of a
/// company by BIN), then its notification to the authority, due by the end of the next working day.
enum StaffBreachPages {
    static let fields: Set<String> = ["detectedAt", "description", "dataCategories", "measuresTaken", "affectedUserIds", "companyBin"]

    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "breaches") { web in try await form(web) }
        StaffPages.post(routes, "breaches") { web in try await record(web) }
        StaffPages.get(routes, "breaches", "notice") { web in open(web) }
        StaffPages.get(routes, "breaches", ":breachId") { web in try await notice(web) }
    }

    /// Every data category of the purposes register, once, in the reader's language.
    static func categories(_ web: Web) async throws -> [(String, String)] {
        let purposes = try await web.staffClient().send(Endpoints.Privacy.listPurposes).items
        var seen = Set<String>()
        return purposes.flatMap(\.categories).filter { seen.insert($0.id).inserted }.map { ($0.id, $0.name) }
    }

    static func form(_ web: Web, error: String? = nil, errors: [String: String] = [:]) async throws -> Response {
        let categories = try await categories(web)
        return StaffPages.page(
            web,
            web.t("staff.breaches.title"),
            """
            <form method="get" action="/staff/breaches/notice" class="filters">
              \(Layout.field(web, "id", label: web.t("staff.breaches.id")))
              <button class="secondary">\(web.t("staff.breaches.openNotice"))</button>
            </form>
            <h2>\(web.t("staff.breaches.record"))</h2>
            <form method="post" action="/staff/breaches" class="card">\(Layout.csrfField(web))
              \(Layout.field(web, "detectedAt", label: web.t("staff.breaches.detectedAt"), value: web.form("detectedAt"), type: "datetime-local", errors: errors, extra: "required"))
              \(StaffPages.area(web, "description", label: web.t("staff.breaches.description"), value: web.form("description"), errors: errors))
              \(StaffPages.checkboxes("dataCategories", legend: web.t("staff.disclosures.categories"), options: categories, chosen: Set(StaffPages.values(web, "dataCategories")), errors: errors))
              \(StaffPages.area(web, "measuresTaken", label: web.t("staff.breaches.measures"), value: web.form("measuresTaken"), errors: errors))
              \(StaffPages.area(web, "affectedUserIds", label: web.t("staff.breaches.userIds"), value: web.form("affectedUserIds"), errors: errors))
              \(Layout.field(web, "companyBin", label: web.t("staff.breaches.companyBin"), value: web.form("companyBin"), errors: errors, extra: "inputmode=\"numeric\" maxlength=\"12\""))
              <p class="hint">\(web.t("staff.breaches.hint"))</p>
              <button>\(web.t("staff.breaches.submit"))</button>
            </form>
            \(StaffPages.otherErrors(errors, shown: fields))
            """,
            error: error
        )
    }

    static func record(_ web: Web) async throws -> Response {
        var errors: [String: String] = [:]
        let detectedAt = StaffPages.date(web.form("detectedAt"))
        if detectedAt == nil { errors["detectedAt"] = web.t("staff.badDate") }
        let lines = web.form("affectedUserIds").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == " " }).map(String.init)
        let ids = lines.compactMap(UUID.init(uuidString:))
        if ids.count != lines.count { errors["affectedUserIds"] = web.t("staff.users.badId") }
        guard let detectedAt, errors.isEmpty else { return try await form(web, error: web.t("staff.checkForm"), errors: errors) }
        let bin = web.form("companyBin")
        let body = RecordBreachRequest(
            detectedAt: detectedAt,
            description: web.form("description"),
            dataCategories: StaffPages.values(web, "dataCategories"),
            measuresTaken: web.form("measuresTaken"),
            affectedUserIds: ids.isEmpty ? nil : ids,
            affectedQuery: bin.isEmpty ? nil : BreachSubjectQuery(companyBin: bin)
        )
        do {
            let incident = try await web.staffClient().send(Endpoints.Staff.recordBreach, body: body)
            return web.redirect("/staff/breaches/\(incident.id.uuidString)?done=recorded")
        } catch {
            let refusal = try StaffPages.refusal(error)
            var fields = refusal.fields
            if let message = fields.removeValue(forKey: "affectedQuery.companyBin") { fields["companyBin"] = message }
            return try await form(web, error: refusal.title, errors: fields)
        }
    }

    /// The "open a notice" form: to the notice's own address.
    static func open(_ web: Web) -> Response {
        guard let id = web.request.query[String.self, at: "id"].flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }) else {
            return web.redirect("/staff/breaches")
        }
        return web.redirect("/staff/breaches/\(id.uuidString)")
    }

    /// The notification to the authority, printable: the incident, the operator, the responsible person and the
    /// people affected (to be notified). Shown, never logged.
    static func notice(_ web: Web) async throws -> Response {
        let note = try await web.staffClient().send(Endpoints.Staff.getBreachNotification, try StaffPages.id(web, "breachId"))
        let incident = note.incident
        func row(_ key: String, _ value: String) -> Markup { "<dt>\(web.t(key))</dt><dd>\(value)</dd>" }
        let subjects: [Markup] = note.affectedSubjects.map {
            "<tr><td>\($0.fullName)</td><td>\($0.iin)</td><td>\($0.phone)</td><td><code>\($0.userId.uuidString)</code></td></tr>"
        }
        let overdue = incident.notificationDueAt < Date()
        return StaffPages.page(
            web,
            web.t("staff.breaches.notice"),
            """
            <dl class="order">
              \(row("staff.breaches.operator", "\(note.operatorName) · \(note.operatorBin)"))
              \(row("staff.breaches.responsible", "\(note.responsiblePerson.name) · \(note.responsiblePerson.phone) · \(note.responsiblePerson.email)"))
              \(row("staff.breaches.id", incident.id.uuidString))
              \(row("staff.breaches.detectedAt", KazakhstanTime.text(incident.detectedAt)))
              \(row("staff.breaches.due", KazakhstanTime.text(incident.notificationDueAt) + (overdue ? " — " + web.t("staff.queue.overdue") : "")))
              \(row("staff.breaches.description", incident.description))
              \(row("staff.disclosures.categories", incident.dataCategories.map(\.name).joined(separator: ", ")))
              \(row("staff.breaches.measures", incident.measuresTaken))
              \(row("staff.breaches.affected", String(incident.affectedCount)))
              \(row("staff.breaches.recorded", "\(KazakhstanTime.text(incident.recordedAt)) · \(incident.staffRole)"))
              \(row("staff.breaches.generated", KazakhstanTime.text(note.generatedAt)))
            </dl>
            <h2>\(web.t("staff.breaches.subjects"))</h2>
            <div class="table-wrap"><table>
              <thead><tr><th>\(web.t("staff.users.fullName"))</th><th>\(web.t("staff.users.iin"))</th><th>\(web.t("staff.users.phone"))</th>
                <th>\(web.t("staff.users.userId"))</th></tr></thead>
              <tbody>\(subjects)</tbody></table></div>
            """
        )
    }
}
