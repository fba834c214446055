import Foundation

/// What a notification says: a key of the localisation table and its parameters, rendered in the recipient's
/// language when it is sent (SMS, e-mail, push) and in the reader's language when the inbox is read.
/// A parameter named `name.kk` / `name.ru` / `name.en` fills `{name}` in that language only, so staff-written
/// texts in three languages travel as parameters too.
struct NotificationMessage: Codable, Sendable, Equatable {
    var key: String
    var parameters: [String: String] = [:]
    /// News, tariffs and offers (§2.2.8): the content item the app opens.
    var contentID: UUID?

    struct Rendered: Sendable, Equatable {
        let title: String
        let body: String
    }

    func render(_ localizer: Localizer, category: NotificationCategory, in language: Language) -> Rendered {
        let values = parameters(in: language)
        let titleKey = key + ".title"
        let title =
            localizer.has(titleKey)
            ? localizer.text(titleKey, language, values) : localizer.text("notification.category.\(category.rawValue)", language)
        return Rendered(title: title, body: localizer.text(key, language, values))
    }

    /// Law 94-V art. 16: what leaves through a relay that may sit abroad (push through APNs/FCM, e-mail): a fixed
    /// text that never takes a parameter, so no amount, name, account or number goes out; the app fetches the
    /// details once it opens. `<key>.relay` when the table has it, otherwise the category's generic text; the title
    /// is `<key>.title` only when it has no placeholder.
    func renderForRelay(_ localizer: Localizer, category: NotificationCategory, in language: Language) -> Rendered {
        let titleKey = key + ".title"
        let ownTitle = localizer.has(titleKey) ? localizer.text(titleKey, language) : nil
        let title = ownTitle.flatMap { $0.contains("{") ? nil : $0 } ?? localizer.text("notification.category.\(category.rawValue)", language)
        let relayKey = key + ".relay"
        let body = localizer.text(localizer.has(relayKey) ? relayKey : "notification.relay.\(category.rawValue)", language)
        return Rendered(title: title, body: body)
    }

    /// Plain parameters, overridden by those for `language`.
    func parameters(in language: Language) -> [String: String] {
        let suffixes = Set(Language.allCases.map { "." + $0.rawValue })
        var values = parameters.filter { name, _ in !suffixes.contains { name.hasSuffix($0) } }
        for (name, value) in parameters where name.hasSuffix("." + language.rawValue) {
            values[String(name.dropLast(language.rawValue.count + 1))] = value
        }
        return values
    }
}
