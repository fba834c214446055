import Fluent
import Foundation

/// Seeds the first edition from the bank's Kazakh text (`Resources/Policy/edition-1.kk.txt`, copied from
/// the bank's document). `AddFirstEditionTranslations` adds the Russian and English texts.
struct SeedFirstPolicyEdition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let url = Bundle.module.url(forResource: "edition-1.kk", withExtension: "txt", subdirectory: "Resources/Policy") else {
            throw SeedError.missingText
        }
        let edition = PolicyEdition()
        edition.version = 1
        edition.title = "Бизнеске арналған интернет-банкинг мобильді қосымшасының құпиялылық саясаты"
        edition.textKk = try String(contentsOf: url, encoding: .utf8)
        // Effective from the start of 2025 so it is in force for every clock, the tests' included.
        edition.publishedAt = Date(timeIntervalSince1970: 1_735_689_600)
        edition.effectiveAt = Date(timeIntervalSince1970: 1_735_689_600)
        edition.lastUpdated = "2025-01-01"
        try await edition.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await PolicyEdition.query(on: database).filter(\.$version == 1).delete()
    }

    enum SeedError: Error { case missingText }
}
