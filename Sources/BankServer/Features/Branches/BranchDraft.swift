import BankAPI
import BankCore
import Foundation

/// A validated branch, ready to be written. `validate` reports every bad field at once; field names are the API's
/// (`name.kk`, `openingHours.mon`) unless `field` renames them (the CSV import names its columns).
struct BranchDraft: Sendable, Equatable {
    let code: String
    let kind: Branch.Kind
    let name: LocalizedName
    let address: LocalizedName
    let latitude: Double
    let longitude: Double
    let hours: BranchHours
    let services: [Branch.Service]
    let accessibility: [Branch.Accessibility]

    static func validate(
        _ input: BranchInput,
        into validator: inout FieldValidator,
        field: (String) -> String = { $0 }
    ) -> BranchDraft? {
        let before = validator.violations.count
        let code = input.code.trimmingCharacters(in: .whitespaces).uppercased()
        if code.isEmpty {
            validator.add(field("code"), .required)
        } else if code.count > 32 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            validator.add(field("code"), .invalidFormat)
        }
        let kind = Branch.Kind(rawValue: input.kind.trimmingCharacters(in: .whitespaces).lowercased())
        if kind == nil { validator.add(field("kind"), .invalidValue) }
        func texts(_ prefix: String, _ value: LocalizedName, maxLength: Int) -> LocalizedName {
            let kk = validator.require(field(prefix + ".kk"), value.kk, maxLength: maxLength) ?? ""
            let ru = validator.require(field(prefix + ".ru"), value.ru, maxLength: maxLength) ?? ""
            let en = validator.require(field(prefix + ".en"), value.en, maxLength: maxLength) ?? ""
            return LocalizedName(kk: kk, ru: ru, en: en)
        }
        let name = texts("name", input.name, maxLength: 200)
        let address = texts("address", input.address, maxLength: 300)
        if !(input.latitude.isFinite && (-90...90).contains(input.latitude)) { validator.add(field("latitude"), .outOfRange) }
        if !(input.longitude.isFinite && (-180...180).contains(input.longitude)) { validator.add(field("longitude"), .outOfRange) }
        var days: [Range<Int>?] = []
        for (day, text) in zip(WeeklyHours.days, input.openingHours.ordered) {
            if let interval = BranchHours.interval(text) {
                days.append(interval)
            } else {
                validator.add(field("openingHours." + day), .invalidHours)
            }
        }
        var services = Set<Branch.Service>()
        for raw in input.services {
            if let service = Branch.Service(rawValue: raw) { services.insert(service) } else { validator.add(field("services"), .unknownService) }
        }
        var features = Set<Branch.Accessibility>()
        for raw in input.accessibility {
            if let feature = Branch.Accessibility(rawValue: raw) {
                features.insert(feature)
            } else {
                validator.add(field("accessibility"), .unknownAccessibility)
            }
        }
        guard validator.violations.count == before, let kind else { return nil }
        return BranchDraft(
            code: code,
            kind: kind,
            name: name,
            address: address,
            latitude: input.latitude,
            longitude: input.longitude,
            hours: BranchHours(days: days),
            services: Branch.Service.allCases.filter(services.contains),
            accessibility: Branch.Accessibility.allCases.filter(features.contains)
        )
    }

    static func validate(_ input: BranchInput) throws -> BranchDraft {
        var validator = FieldValidator()
        let draft = validate(input, into: &validator)
        try validator.throwIfInvalid()
        guard let draft else { throw BankError.malformedRequest }
        return draft
    }

    func apply(to branch: Branch, at now: Date) {
        if branch.id == nil { branch.createdAt = now }
        branch.updatedAt = now
        branch.code = code
        branch.kind = kind
        (branch.nameKk, branch.nameRu, branch.nameEn) = (name.kk, name.ru, name.en)
        (branch.addressKk, branch.addressRu, branch.addressEn) = (address.kk, address.ru, address.en)
        branch.latitude = latitude
        branch.longitude = longitude
        branch.cell = GeoGrid.cell(latitude: latitude, longitude: longitude)
        branch.hours = hours.stored
        branch.services = services.map(\.rawValue).joined(separator: " ")
        branch.accessibility = accessibility.map(\.rawValue).joined(separator: " ")
    }
}
