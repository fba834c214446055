import BankAPI
import BankCore
import Foundation

extension Branch {
    var parsedHours: BranchHours { BranchHours(stored: hours) }

    private func list(_ stored: String) -> [String] { stored.split(separator: " ").map(String.init) }

    /// The app's view: texts in `language`, open now by the bank's clock (Kazakhstan time).
    func view(language: Language, at now: Date, distanceMetres: Int? = nil) throws -> BranchView {
        let hours = parsedHours
        return BranchView(
            id: try requireID(),
            code: code,
            kind: kind.rawValue,
            name: [Language.kk: nameKk, .ru: nameRu, .en: nameEn][language] ?? nameKk,
            address: [Language.kk: addressKk, .ru: addressRu, .en: addressEn][language] ?? addressKk,
            latitude: latitude,
            longitude: longitude,
            distanceMetres: distanceMetres,
            openingHours: hours.wire,
            openNow: hours.isOpen(at: now),
            services: list(services),
            accessibility: list(accessibility)
        )
    }

    /// The staff view: every language.
    func record() throws -> BranchRecord {
        let input = BranchInput(
            code: code,
            kind: kind.rawValue,
            name: LocalizedName(kk: nameKk, ru: nameRu, en: nameEn),
            address: LocalizedName(kk: addressKk, ru: addressRu, en: addressEn),
            latitude: latitude,
            longitude: longitude,
            openingHours: parsedHours.wire,
            services: list(services),
            accessibility: list(accessibility)
        )
        return BranchRecord(id: try requireID(), input: input, updatedAt: updatedAt)
    }
}
