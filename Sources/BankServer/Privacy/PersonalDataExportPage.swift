import BankAPI
import Foundation

/// The export as a readable, self-contained HTML page: one titled table per section, every value escaped.
/// Built from the JSON document itself, so the page can never show less than the JSON does.
enum PersonalDataExportPage {
    private static let titles: [String: [Language: String]] = [
        "profile": [.kk: "Профиль", .ru: "Профиль", .en: "Profile"],
        "companies": [.kk: "Компаниялар мен рөлдер", .ru: "Компании и роли", .en: "Companies and roles"],
        "devices": [.kk: "Құрылғылар", .ru: "Устройства", .en: "Devices"],
        "sessions": [.kk: "Сеанстар", .ru: "Сеансы", .en: "Sessions"],
        "consents": [.kk: "Келісімдер және олардың тарихы", .ru: "Согласия и их история", .en: "Consents and their history"],
        "policyAcceptances": [.kk: "Саясатты қабылдау", .ru: "Принятие политики", .en: "Policy acceptances"],
        "accessLog": [.kk: "Кіру журналы", .ru: "Журнал доступа", .en: "Access log"],
        "requests": [.kk: "Өтініштер", .ru: "Запросы", .en: "Requests"],
        "staffAccesses": [.kk: "Деректеріңізді кім қарады", .ru: "Кто просматривал ваши данные", .en: "Who looked at your data"],
        "disclosures": [.kk: "Үшінші тұлғаларға берілгендер", .ru: "Передачи третьим лицам", .en: "Disclosures to third parties"],
        "locations": [
            .kk: "Орналасқан жерлер (алаяқтықтың алдын алу)", .ru: "Местоположения (предотвращение мошенничества)",
            .en: "Locations (fraud prevention)",
        ],
        "supportTickets": [.kk: "Қолдау өтініштері", .ru: "Обращения в поддержку", .en: "Support requests"],
        "feedback": [.kk: "Кері байланыс", .ru: "Отзывы", .en: "Feedback"],
        "photo": [.kk: "Фотосурет", .ru: "Фотография", .en: "Photo"],
        "documents": [.kk: "Жүктелген құжаттар", .ru: "Загруженные документы", .en: "Uploaded documents"],
        "inbox": [.kk: "Хабарламалар", .ru: "Уведомления", .en: "Notifications"],
        "pushTokens": [.kk: "Push-белгілер", .ru: "Push-токены", .en: "Push tokens"],
        "notificationPreferences": [.kk: "Хабарлама баптаулары", .ru: "Настройки уведомлений", .en: "Notification preferences"],
        "invitations": [.kk: "Компанияға шақырулар", .ru: "Приглашения в компании", .en: "Invitations into companies"],
    ]
    private static let heading: [Language: String] = [
        .kk: "Сіз туралы сақталатын деректер", .ru: "Данные, которые мы храним о вас", .en: "The data we hold about you",
    ]
    private static let empty: [Language: String] = [.kk: "Жоқ", .ru: "Нет", .en: "None"]

    static func html(_ export: PersonalDataExport, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(export)) as? [String: Any] ?? [:]
        var sections: [String] = []
        let order = [
            "profile", "companies", "devices", "sessions", "consents", "policyAcceptances", "accessLog", "requests", "staffAccesses", "disclosures",
            "locations", "supportTickets", "feedback", "photo", "documents",
            "inbox", "pushTokens", "notificationPreferences", "invitations",
        ]
        for key in order {
            guard let value = object[key] else { continue }
            let title = titles[key]?[language] ?? key
            let rows: [[String: Any]] = (value as? [[String: Any]]) ?? ((value as? [String: Any]).map { [$0] } ?? [])
            sections.append("<h2>\(HTMLText.escape(title))</h2>\n" + table(rows, empty: empty[language] ?? "—"))
        }
        let operatorLine = "\(HTMLText.escape(export.operatorName)), \(HTMLText.escape(export.operatorBin)) · \(HTMLText.isoDay(export.generatedAt))"
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(heading[language] ?? ""))</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.4}table{border-collapse:collapse;margin-bottom:1rem;font-size:.85rem}
            td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head>
            <body><h1>\(HTMLText.escape(heading[language] ?? ""))</h1><p><small>\(operatorLine)</small></p>
            \(sections.joined(separator: "\n"))
            </body></html>
            """
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
