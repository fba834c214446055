import BankAPI
import Foundation

/// The export as a readable, self-contained HTML page: one titled table per section, every value escaped.
/// Built from the JSON document itself, so the page can never show less than the JSON does.
enum PersonalDataExportPage {
    /// The sections in reading order: the export's field and the key of its title in the localisation table.
    private static let sections: [(field: String, title: String)] = [
        ("profile", "page.export.profile"), ("companies", "page.export.companies"), ("devices", "page.export.devices"),
        ("sessions", "page.export.sessions"), ("consents", "page.export.consents"), ("policyAcceptances", "page.export.policy_acceptances"),
        ("accessLog", "page.export.access_log"), ("requests", "page.export.requests"), ("staffAccesses", "page.export.staff_accesses"),
        ("disclosures", "page.export.disclosures"), ("locations", "page.export.locations"), ("supportTickets", "page.export.support_tickets"),
        ("feedback", "page.export.feedback"), ("photo", "page.export.photo"), ("documents", "page.export.documents"),
        ("inbox", "page.export.inbox"), ("pushTokens", "page.export.push_tokens"),
        ("notificationPreferences", "page.export.notification_preferences"), ("invitations", "page.export.invitations"),
        ("authoredDocuments", "page.export.authored_documents"), ("signatures", "page.export.signatures"),
        ("paymentLimits", "page.export.payment_limits"), ("securityReports", "page.export.security_reports"),
        ("breaches", "page.export.breaches"), ("riskDecisions", "page.export.risk_decisions"), ("messages", "page.export.messages"),
        ("idempotencyAnswers", "page.export.idempotency_answers"), ("activity", "page.export.activity"),
    ]

    static func html(_ export: PersonalDataExport, language: Language, localizer: Localizer) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(export)) as? [String: Any] ?? [:]
        let empty = localizer.text("page.export.none", language)
        var parts: [String] = []
        for section in sections {
            guard let value = object[section.field] else { continue }
            let rows: [[String: Any]] = (value as? [[String: Any]]) ?? ((value as? [String: Any]).map { [$0] } ?? [])
            parts.append("<h2>\(HTMLText.escape(localizer.text(section.title, language)))</h2>\n" + table(rows, empty: empty))
        }
        let operatorLine = "\(HTMLText.escape(export.operatorName)), \(HTMLText.escape(export.operatorBin)) · \(HTMLText.isoDay(export.generatedAt))"
        let body = "<p><small>\(operatorLine)</small></p>\n" + parts.joined(separator: "\n")
        return HTMLPage(title: localizer.text("page.export.title", language), language: language, body: body).html
    }

    private static func table(_ rows: [[String: Any]], empty: String) -> String {
        guard !rows.isEmpty else { return "<p>\(HTMLText.escape(empty))</p>" }
        let columns = Array(Set(rows.flatMap(\.keys))).sorted()
        let head = "<tr>" + columns.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr>"
        let body = rows.map { row in
            "<tr>" + columns.map { "<td>\(HTMLText.escape(text(row[$0])))</td>" }.joined() + "</tr>"
        }
        return "<table>\n\(head)\n\(body.joined(separator: "\n"))\n</table>"
    }

    private static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let array as [Any]: return array.map { text($0) }.joined(separator: array.first is [String: Any] ? "\n" : ", ")
        case let object as [String: Any]: return object.keys.sorted().map { "\($0): \(text(object[$0]))" }.joined(separator: "; ")
        case let number as NSNumber: return number.stringValue
        default: return String(describing: value!)
        }
    }
}
