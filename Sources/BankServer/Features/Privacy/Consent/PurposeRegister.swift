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
        /// Law 94-V art. 16: the purpose sends data abroad; `crossBorderTransfer` then says to whom, where and what.
        let crossBorder: Bool
        let crossBorderTransfer: CrossBorderTransfer?
        /// Law 94-V art. 8: whether the data is published in public sources (false for every purpose today). Required:
        /// a register without it does not decode, and `configure` refuses to start.
        let published: Bool
        let name: Texts
        let description: Texts
    }

    /// Law 94-V art. 16: the recipient abroad, its countries (ISO 3166-1 alpha-2) and the categories that go there.
    struct CrossBorderTransfer: Codable, Sendable {
        let recipient: Texts
        let countries: [String]
        let categories: [String]
    }

    /// §3.3: a flow the system itself makes for everyone it serves (SMS gateway, push relay, e-mail relay, interbank
    /// messages, payroll); shown to every person as a standing entry of their disclosure register and in the export.
    struct StandingDisclosure: Codable, Sendable {
        let id: UUID
        let purpose: ProcessingPurpose
        let clause: String
        let basis: LegalBasis
        let recipient: Texts
        /// ISO 3166-1 alpha-2.
        let country: String
        let categories: [String]
    }

    private struct File: Codable {
        let categories: [String: Texts]
        let purposes: [Entry]
    }

    private struct StandingFile: Codable {
        let standing: [StandingDisclosure]
    }

    let entries: [Entry]
    let categories: [String: Texts]
    /// `Resources/Privacy/standing-disclosures.json`.
    var standingDisclosures: [StandingDisclosure] = []

    func entry(_ purpose: ProcessingPurpose) -> Entry {
        // `bundled()` checked that every purpose has exactly one entry
        entries.first { $0.id == purpose }!
    }

    static func bundled() throws -> PurposeRegister {
        try validated(bundledJSON())
    }

    /// `Resources/Privacy/purposes.json` as shipped.
    static func bundledJSON() throws -> Data {
        guard let url = Bundle.module.url(forResource: "purposes", withExtension: "json", subdirectory: "Resources/Privacy") else {
            throw RegisterError.missingFile
        }
        return try Data(contentsOf: url)
    }

    /// The register in `json`, refused unless it names every `ProcessingPurpose` exactly once, every category it
    /// uses has a name, and only consent-based purposes can be switched off (§2.1, §2.4).
    static func validated(_ json: Data) throws -> PurposeRegister {
        let file = try JSONDecoder().decode(File.self, from: json)
        let ids = file.purposes.map(\.id)
        guard Set(ids) == Set(ProcessingPurpose.allCases), ids.count == ProcessingPurpose.allCases.count else {
            throw RegisterError.purposesDoNotMatch
        }
        let unknownCategories = Set(file.purposes.flatMap(\.categories)).subtracting(file.categories.keys)
        guard unknownCategories.isEmpty else { throw RegisterError.unknownCategories(unknownCategories.sorted()) }
        for entry in file.purposes where entry.switchable && entry.basis != .consent {
            throw RegisterError.switchableWithoutConsent(entry.id.rawValue)
        }
        // art. 16: a purpose that sends data abroad names the recipient, and one that names a recipient says so
        for entry in file.purposes where entry.crossBorder != (entry.crossBorderTransfer != nil) {
            throw RegisterError.crossBorderUndeclared(entry.id.rawValue)
        }
        guard let standingURL = Bundle.module.url(forResource: "standing-disclosures", withExtension: "json", subdirectory: "Resources/Privacy")
        else { throw RegisterError.missingFile }
        let standing = try JSONDecoder().decode(StandingFile.self, from: Data(contentsOf: standingURL)).standing
        let unknownInFlows = Set(standing.flatMap(\.categories) + file.purposes.flatMap { $0.crossBorderTransfer?.categories ?? [] })
            .subtracting(file.categories.keys)
        guard unknownInFlows.isEmpty else { throw RegisterError.unknownCategories(unknownInFlows.sorted()) }
        return PurposeRegister(entries: file.purposes, categories: file.categories, standingDisclosures: standing)
    }

    enum RegisterError: Error {
        case missingFile
        case purposesDoNotMatch
        case unknownCategories([String])
        case switchableWithoutConsent(String)
        case crossBorderUndeclared(String)
    }
}
