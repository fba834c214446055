import BankAPI
import Vapor

/// §6.1: the edition in force is public, in the reader's language where a translation exists.
struct PolicyController {
    func current(req: Request) async throws -> PolicyEditionView {
        guard let edition = try await PolicyEditions(services: req.bank).current(on: req.db) else { throw BankError.notFound }
        let requested = req.language
        let (language, text): (Language, String) =
            switch requested {
            case .ru where edition.textRu != nil: (.ru, edition.textRu ?? "")
            case .en where edition.textEn != nil: (.en, edition.textEn ?? "")
            default: (.kk, edition.textKk)
            }
        return PolicyEditionView(
            id: try edition.requireID(),
            version: edition.version,
            language: language.rawValue,
            title: edition.title,
            text: text,
            effectiveAt: edition.effectiveAt,
            lastUpdated: edition.lastUpdated,
            publishedAt: edition.publishedAt
        )
    }
}
