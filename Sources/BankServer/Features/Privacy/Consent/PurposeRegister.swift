import BankCore
import Foundation

/// The register of processing purposes (§2.1, §2.2, §2.3): each purpose's clause, legal basis, data categories,
/// retention and whether the user can switch it off, in kk / ru / en. Loaded once from
/// `Resources/Privacy/purposes.json`; `bundled()` fails if a `ProcessingPurpose` has no entry or vice versa.
struct PurposeRegister: Sendable {
    struct Texts: Codable, Sendable {
        let kk: String
        let ru: String
        let en: String

        func text(_ language: Language) -> String {
            switch language {
            case .kk: kk
            case .ru: ru
            case .en: en
            }
        }
    }

    struct Entry: Codable, Sendable {
        let id: ProcessingPurpose
        let clause: String
        let basis: LegalBasis
        let categories: [String]
        /// Days the data is kept after its purpose ends; nil when another rule applies (`retention` says which);
        /// 0 when nothing is stored.
        let retentionDays: Int?
        let retention: Texts
        let switchable: Bool
        let thirdParty: Bool
        let crossBorder: Bool
        let name: Texts
        let description: Texts
    }

    private struct File: Codable {
        let categories: [String: Texts]
        let purposes: [Entry]
    }

    let entries: [Entry]
    let categories: [String: Texts]

    func entry(_ purpose: ProcessingPurpose) -> Entry {
        // `bundled()` checked that every purpose has exactly one entry
        entries.first { $0.id == purpose }!
    }

    static func bundled() throws -> PurposeRegister {
        guard let url = Bundle.module.url(forResource: "purposes", withExtension: "json", subdirectory: "Resources/Privacy") else {
            throw RegisterError.missingFile
        }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        let ids = file.purposes.map(\.id)
        guard Set(ids) == Set(ProcessingPurpose.allCases), ids.count == ProcessingPurpose.allCases.count else {
            throw RegisterError.purposesDoNotMatch
        }
        let unknownCategories = Set(file.purposes.flatMap(\.categories)).subtracting(file.categories.keys)
        guard unknownCategories.isEmpty else { throw RegisterError.unknownCategories(unknownCategories.sorted()) }
        for entry in file.purposes where entry.switchable && entry.basis != .consent {
            throw RegisterError.switchableWithoutConsent(entry.id.rawValue)
        }
        return PurposeRegister(entries: file.purposes, categories: file.categories)
    }

    enum RegisterError: Error {
        case missingFile
        case purposesDoNotMatch
        case unknownCategories([String])
        case switchableWithoutConsent(String)
    }
}
