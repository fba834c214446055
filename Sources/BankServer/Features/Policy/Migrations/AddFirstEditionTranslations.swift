import Fluent
import Foundation

/// The project's own Russian and English translations of the first edition (the Kazakh text is the authority).
struct AddFirstEditionTranslations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let edition = try await PolicyEdition.query(on: database).filter(\.$version == 1).first() else { return }
        edition.textRu = try Self.text("edition-1.ru")
        edition.textEn = try Self.text("edition-1.en")
        try await edition.save(on: database)
    }

    func revert(on database: any Database) async throws {
        try await PolicyEdition.query(on: database).filter(\.$version == 1).set(\.$textRu, to: nil).set(\.$textEn, to: nil).update()
    }

    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/Policy") else {
            throw SeedFirstPolicyEdition.SeedError.missingText
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
