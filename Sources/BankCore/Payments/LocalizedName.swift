/// A display name in the three languages the bank serves (STYLE.md: every user-visible text in kk, ru, en).
public struct LocalizedName: Hashable, Sendable, Codable {
    /// Kazakh, the state language.
    public let kk: String
    public let ru: String
    public let en: String

    public init(kk: String, ru: String, en: String) {
        self.kk = kk
        self.ru = ru
        self.en = en
    }
}
