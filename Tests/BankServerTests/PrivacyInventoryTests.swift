import BankAPI
import Fluent
import Foundation
import SQLKit
import Testing

@testable import BankServer

/// Issue 14: what is held is what is shown. Both tests derive their checks from the live schema, so a new table
/// or column cannot slip past them.
@Suite("Privacy inventory: the export and the at-rest scan follow the schema (Law 94-V art. 24, §3.2)")
struct PrivacyInventoryTests {
    /// The rule for "a column that names a person": `user_id` or `…_user_id`, `actor_id`, `author_id`, `signer_id`,
    /// `photo_of`, any `…_by` (created_by, uploaded_by, invited_by, recorded_by, handled_by …), and `users.id`.
    /// `staff_id` is not one: staff are the bank's employees, not data subjects of the client export.
    static func namesAPerson(table: String, column: String) -> Bool {
        if table == "users" { return column == "id" }
        return ["user_id", "actor_id", "author_id", "signer_id", "photo_of"].contains(column) || column.hasSuffix("_user_id")
            || column.hasSuffix("_by")
    }

    @Test(arguments: TestDatabase.all)
    func export_coversEveryColumnThatNamesAPerson_andEachSectionIsFilled(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let scenario = try await t.privacyScenario()
            let coverage = PersonalDataExporter.coverage
            let exempt = PersonalDataExporter.exempt
            // every person column of the schema is covered by a section or exempt with a reason
            var personColumns: [(table: String, column: String)] = []
            for table in try await t.schemaTables() {
                for column in try await t.schemaColumns(table) where Self.namesAPerson(table: table, column: column) {
                    personColumns.append((table, column))
                }
            }
            #expect(personColumns.count > 25)
            for (table, column) in personColumns {
                let covered = coverage.contains { $0.table == table && $0.column == column }
                let exempted = exempt.contains { $0.table == table && $0.column == column && !$0.reason.isEmpty }
                #expect(covered || exempted, "\(table).\(column) names a person but is neither exported nor exempt")
            }
            // for every person, each covered table that holds rows about them shows up in their export
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            var filled = Set<String>()
            for user in try await User.query(on: t.db).all() {
                let userID = try user.requireID()
                let export = try await PersonalDataExporter(services: t.services).export(user, language: .en, on: t.db)
                let json = try JSONSerialization.jsonObject(with: encoder.encode(export)) as? [String: Any] ?? [:]
                for entry in coverage where personColumns.contains(where: { $0.table == entry.table && $0.column == entry.column }) {
                    let row = try await t.sql.raw(
                        "SELECT COUNT(*) AS n FROM \(ident: entry.table) WHERE \(ident: entry.column) = \(bind: userID)"
                    ).first()
                    guard let rows = try row?.decode(column: "n", as: Int.self), rows > 0 else { continue }
                    filled.insert("\(entry.table).\(entry.column)")
                    let section = json[entry.section]
                    let shown = (section as? [Any]).map { !$0.isEmpty } ?? (section is [String: Any])
                    #expect(shown, "\(entry.table).\(entry.column) holds \(rows) rows about a person, but the export's \(entry.section) is empty")
                }
            }
            // and the scenario really filled every covered table that exists
            let existing = coverage.filter { entry in personColumns.contains { $0.table == entry.table && $0.column == entry.column } }
            let unfilled = existing.map { "\($0.table).\($0.column)" }.filter { !filled.contains($0) }
            #expect(unfilled.isEmpty, "the scenario leaves empty: \(unfilled)")
            // the named categories of issue 14, for the director
            let directorUser = try #require(try await User.find(scenario.director.user.id, on: t.db))
            let export = try await PersonalDataExporter(services: t.services).export(directorUser, language: .en, on: t.db)
            #expect(export.authoredDocuments.contains { $0.kind == "payment" && $0.number == "17" })
            #expect(Set(export.signatures.map(\.documentKind)) == ["payment", "payroll"])
            #expect(export.breaches.map(\.description) == ["A statement was e-mailed to the wrong address."])
            #expect(Set(export.messages.map(\.channel)).isSuperset(of: ["sms", "email"]))
            #expect(export.idempotencyAnswers.map(\.key) == ["scenario-payment-1"])
            #expect(!export.riskDecisions.isEmpty)
            #expect(!export.activity.isEmpty)
            // and the HTML page carries the new sections
            let page = try await t.send(.GET, "/api/v1/me/privacy/export?format=html", token: scenario.accountant.token, language: "en")
            for title in ["Payment orders and payrolls you prepared", "Payment limits set for you", "Personal-data breaches that concerned you"] {
                #expect(page.body.string.contains(title))
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func atRest_everyTableAndColumn_holdsNoPlaintextPersonalData(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let scenario = try await t.privacyScenario()
            let scan = try await t.expectNoPlaintextAtRest(scenario.secrets)
            // the scan really read the feature tables the scenario filled
            #expect(scan.cellsRead > 1000)
            let filled: Set = [
                "users", "devices", "payroll_lines", "idempotency_keys", "employee_invitations", "device_locations", "support_tickets",
                "support_messages", "feedback", "documents", "inbox_items", "email_outbox", "sms_outbox", "breach_affected_subjects",
                "security_alerts", "audit_log", "payment_limits",
            ]
            #expect(filled.subtracting(scan.tablesRead).isEmpty, "not filled: \(filled.subtracting(scan.tablesRead).sorted())")
        }
    }
}
