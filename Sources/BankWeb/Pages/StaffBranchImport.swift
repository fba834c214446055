import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// The branch list as CSV, the same columns as `bizbank branches import` (header first, any order, `;` or `,`,
/// double quotes allowed), pasted or uploaded. Read here into `BranchInput`s and sent one by one through
/// `staffCreateBranch`; each line shows what happened to it. A bad header sends nothing.
enum StaffBranchImport {
    static let maxLines = 500

    struct Outcome {
        let line: Int
        let code: String
        let created: BranchRecord?
        let problem: String?
        let fields: [String: String]
    }

    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "branches", "import") { web in page(web) }
        StaffPages.post(routes, "branches", "import") { web in try await run(web) }
    }

    static func page(_ web: Web, outcomes: [Outcome] = [], error: String? = nil, errors: [String: String] = [:]) -> Response {
        let rows: [Markup] = outcomes.map { outcome in
            let fields: [Markup] = outcome.fields.sorted { $0.key < $1.key }.map { "<li><code>\($0.key)</code> \($0.value)</li>" }
            let result: Markup =
                if let created = outcome.created {
                    "<a href=\"/staff/branches/\(created.id.uuidString)\">\(web.t("staff.import.created"))</a>"
                } else {
                    "<strong class=\"error\">\(outcome.problem ?? "")</strong><ul>\(fields)</ul>"
                }
            return "<tr data-testid=\"line-\(outcome.line)\"><td class=\"num\">\(outcome.line)</td><td>\(outcome.code)</td><td>\(result)</td></tr>"
        }
        let created = outcomes.filter { $0.created != nil }.count
        return StaffPages.page(
            web,
            web.t("staff.import.title"),
            """
            \(Markup.when(!outcomes.isEmpty, """
            <p class="notice" role="status">\(web.t("staff.import.summary")) \(created) / \(outcomes.count)</p>
            <div class="table-wrap"><table>
              <thead><tr><th>\(web.t("staff.import.line"))</th><th>\(web.t("staff.branches.code"))</th><th>\(web.t("staff.import.result"))</th></tr></thead>
              <tbody>\(rows)</tbody></table></div>
            """))
            \(StaffPages.otherErrors(errors, shown: []))
            <p class="hint">\(web.t("staff.import.explain"))</p>
            <pre>\(StaffBranchForm.columns.joined(separator: ";"))</pre>
            <form method="post" action="/staff/branches/import" enctype="multipart/form-data" class="card">\(Layout.csrfField(web))
              <label class="field"><span>\(web.t("staff.import.file"))</span><input type="file" name="file" accept=".csv,text/csv"></label>
              \(StaffPages.area(web, "csv", label: web.t("staff.import.paste"), rows: 10))
              <button>\(web.t("staff.import.submit"))</button>
            </form>
            <p><a href="/staff/branches">\(web.t("staff.branches.back"))</a></p>
            """,
            error: error
        )
    }

    static func run(_ web: Web) async throws -> Response {
        var text = web.form("csv")
        if let file = try? web.request.content.get(File.self, at: "file"), file.data.readableBytes > 0 {
            text = String(buffer: file.data)
        }
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let header = rows.first?.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return page(web, error: web.t("staff.import.noHeader"))
        }
        let separator: Character = header.contains(";") ? ";" : ","
        let names = split(header, separator: separator).map { $0.lowercased() }
        var errors: [String: String] = [:]
        for name in names where !StaffBranchForm.columns.contains(name) { errors[name] = web.t("staff.import.unknownColumn") }
        for name in StaffBranchForm.columns where !names.contains(name) { errors[name] = web.t("staff.import.missingColumn") }
        for name in Set(names) where names.filter({ $0 == name }).count > 1 { errors[name] = web.t("staff.import.duplicateColumn") }
        guard errors.isEmpty else { return page(web, error: web.t("staff.import.badHeader"), errors: errors) }
        let lines = rows.enumerated().dropFirst().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !lines.isEmpty, lines.count <= maxLines else { return page(web, error: web.t("staff.import.count")) }

        let staff = web.staffClient()
        var outcomes: [Outcome] = []
        for (index, row) in lines {
            let cells = split(row, separator: separator)
            guard cells.count == names.count else {
                outcomes.append(
                    Outcome(line: index + 1, code: cells.first ?? "", created: nil, problem: web.t("staff.import.cellCount"), fields: [:])
                )
                continue
            }
            let cell = Dictionary(zip(names, cells)) { first, _ in first }
            var invalid: [String: String] = [:]
            let input = StaffBranchForm.input({ cell[$0] ?? "" }, errors: &invalid, invalid: web.t("staff.badNumber"))
            guard invalid.isEmpty else {
                outcomes.append(Outcome(line: index + 1, code: input.code, created: nil, problem: web.t("staff.checkForm"), fields: invalid))
                continue
            }
            do {
                let made = try await staff.send(Endpoints.Staff.staffCreateBranch, body: input)
                outcomes.append(Outcome(line: index + 1, code: made.code, created: made, problem: nil, fields: [:]))
            } catch {
                let (title, fields) = try StaffPages.refusal(error)
                outcomes.append(
                    Outcome(line: index + 1, code: input.code, created: nil, problem: title, fields: StaffBranchForm.columnErrors(fields))
                )
            }
        }
        return page(web, outcomes: outcomes)
    }

    /// Splits on `separator` outside double quotes (`CSVRow`, BankCore).
    static func split(_ row: String, separator: Character) -> [String] { CSVRow.split(row, separator: separator) }
}
