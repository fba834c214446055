import BankAPI
import Foundation

/// The printable breach notification to the authority (Law 94-V): the operator, the responsible person's
/// contacts, the incident and measures, and the affected subjects. Every value is HTML-escaped.
enum BreachNotificationPage {
    private static let labels: [Language: [String]] = [
        .kk: [
            "Дербес деректердің қауіпсіздігі бұзылғаны туралы хабарлама", "Оператор", "Жауапты тұлға", "Анықталған уақыты",
            "Хабарлау мерзімі", "Сипаттамасы", "Деректер санаттары", "Қабылданған шаралар", "Зардап шеккен субъектілер", "Аты-жөні", "ЖСН",
            "Телефон",
        ],
        .ru: [
            "Уведомление о нарушении безопасности персональных данных", "Оператор", "Ответственное лицо", "Время обнаружения",
            "Срок уведомления", "Описание", "Категории данных", "Принятые меры", "Затронутые субъекты", "ФИО", "ИИН", "Телефон",
        ],
        .en: [
            "Notification of a personal-data security breach", "Operator", "Responsible person", "Detected at", "Notification due",
            "Description", "Data categories", "Measures taken", "Affected subjects", "Full name", "IIN", "Phone",
        ],
    ]

    static func html(_ notification: BreachNotification, language: Language) -> String {
        let l = labels[language] ?? labels[.kk] ?? []
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let time = ISO8601DateFormatter()
        let incident = notification.incident
        let contact = notification.responsiblePerson
        let rows: [(String, String)] = [
            (l[1], "\(notification.operatorName), \(notification.operatorBin)"),
            (l[2], "\(contact.name), \(contact.phone), \(contact.email)"),
            (l[3], time.string(from: incident.detectedAt)), (l[4], time.string(from: incident.notificationDueAt)),
            (l[5], incident.description), (l[6], incident.dataCategories.map(\.name).joined(separator: ", ")), (l[7], incident.measuresTaken),
        ]
        let details = rows.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n")
        let subjects = notification.affectedSubjects.map { "<tr><td>\(e($0.fullName))</td><td>\(e($0.iin))</td><td>\(e($0.phone))</td></tr>" }
            .joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(l[0]))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}</style>
            </head>
            <body><h1>\(e(l[0]))</h1>
            <table>
            \(details)
            </table>
            <h2>\(e(l[8])) (\(notification.affectedSubjects.count))</h2>
            <table><tr><th>\(e(l[9]))</th><th>\(e(l[10]))</th><th>\(e(l[11]))</th></tr>
            \(subjects)
            </table>
            <p><small>\(e(incident.id.uuidString)) · \(e(time.string(from: notification.generatedAt)))</small></p>
            </body></html>
            """
    }
}
