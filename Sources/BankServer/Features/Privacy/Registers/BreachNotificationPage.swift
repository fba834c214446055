import BankAPI
import Foundation

/// The printable breach notification to the authority (Law 94-V): the operator, the responsible person's
/// contacts, the incident and measures, and the affected subjects. Every value is HTML-escaped.
enum BreachNotificationPage {
    static func html(_ notification: BreachNotification, language: Language, localizer: Localizer) -> String {
        func label(_ key: String) -> String { HTMLText.escape(localizer.text(key, language)) }
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let time = ISO8601DateFormatter()
        let incident = notification.incident
        let contact = notification.responsiblePerson
        let rows: [(String, String)] = [
            ("page.breach.operator", "\(notification.operatorName), \(notification.operatorBin)"),
            ("page.breach.responsible_person", "\(contact.name), \(contact.phone), \(contact.email)"),
            ("page.breach.detected_at", time.string(from: incident.detectedAt)),
            ("page.breach.notification_due", time.string(from: incident.notificationDueAt)),
            ("page.breach.description", incident.description),
            ("page.breach.data_categories", incident.dataCategories.map(\.name).joined(separator: ", ")),
            ("page.breach.measures_taken", incident.measuresTaken),
        ]
        let details = rows.map { "<tr><th>\(label($0.0))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n")
        let subjects = notification.affectedSubjects.map { "<tr><td>\(e($0.fullName))</td><td>\(e($0.iin))</td><td>\(e($0.phone))</td></tr>" }
            .joined(separator: "\n")
        let body = """
            <table>
            \(details)
            </table>
            <h2>\(label("page.breach.affected_subjects")) (\(notification.affectedSubjects.count))</h2>
            <table><tr><th>\(label("page.breach.full_name"))</th><th>\(label("page.breach.iin"))</th><th>\(label("page.breach.phone"))</th></tr>
            \(subjects)
            </table>
            <p><small>\(e(incident.id.uuidString)) · \(e(time.string(from: notification.generatedAt)))</small></p>
            """
        return HTMLPage(title: localizer.text("page.breach.title", language), language: language, body: body).html
    }
}
