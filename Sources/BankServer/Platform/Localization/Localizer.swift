import Foundation

/// The kk / ru / en message table (`Resources/Localization/messages.json`); every user-visible text goes through it.
struct Localizer: Sendable {
    private let table: [String: [String: String]]

    init(table: [String: [String: String]]) {
        self.table = table
    }

    static func bundled() throws -> Localizer {
        guard let url = Bundle.module.url(forResource: "messages", withExtension: "json", subdirectory: "Resources/Localization") else {
            throw LocalizerError.missingTable
        }
        let data = try Data(contentsOf: url)
        return Localizer(table: try JSONDecoder().decode([String: [String: String]].self, from: data))
    }

    /// The text for `key` in `language`, falling back to Kazakh, then English, then the key itself.
    func text(_ key: String, _ language: Language, _ parameters: [String: String] = [:]) -> String {
        let entry = table[key]
        var text = entry?[language.rawValue] ?? entry?["kk"] ?? entry?["en"] ?? key
        for (name, value) in parameters {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    func has(_ key: String) -> Bool { table[key] != nil }

    enum LocalizerError: Error { case missingTable }
}
