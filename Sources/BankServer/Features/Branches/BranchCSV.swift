import BankAPI
import BankCore
import Foundation

/// Reads the branch list CSV for `bizbank branches import` (§2.3.1). The first line is a header naming the
/// columns (any order, `;` or `,` between cells, double quotes allowed); every later line is one branch:
///
///     code;kind;name_kk;name_ru;name_en;address_kk;address_ru;address_en;latitude;longitude;mon;tue;wed;thu;fri;sat;sun;services;accessibility
///
/// `services` and `accessibility` are space-separated values from their fixed sets; hours are `09:00-18:00` or
/// `closed`. `{bank}` in a name becomes the configured bank name. Every line is checked and every error named by
/// line number (`line[7].latitude`); any error means nothing is imported.
enum BranchCSV {
    static let columns =
        [
            "code", "kind", "name_kk", "name_ru", "name_en", "address_kk", "address_ru", "address_en", "latitude", "longitude",
        ] + WeeklyHours.days + ["services", "accessibility"]

    static func parse(_ text: String, bankName: String) -> Result<[BranchDraft], BankError> {
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let header = rows.first?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return .failure(.validation([FieldViolation(field: "line[1]", code: .required)]))
        }
        let separator: Character = header.contains(";") ? ";" : ","
        let names = split(header.replacingOccurrences(of: "\u{FEFF}", with: ""), separator: separator).map { $0.lowercased() }
        var validator = FieldValidator()
        for name in names where !columns.contains(name) { validator.add("line[1].\(name)", .notAllowed) }
        for name in columns where !names.contains(name) { validator.add("line[1].\(name)", .required) }
        for name in Set(names) where names.filter({ $0 == name }).count > 1 { validator.add("line[1].\(name)", .duplicate) }
        guard validator.violations.isEmpty else { return .failure(.validation(validator.violations)) }

        var drafts: [BranchDraft] = []
        var firstLineOfCode: [String: Int] = [:]
        for (index, row) in rows.enumerated().dropFirst() where !row.trimmingCharacters(in: .whitespaces).isEmpty {
            let line = index + 1
            let cells = split(row, separator: separator)
            guard cells.count == names.count else {
                validator.add("line[\(line)]", .invalidFormat)
                continue
            }
            let cell = Dictionary(uniqueKeysWithValues: zip(names, cells))
            let before = validator.violations.count
            func value(_ name: String) -> String { cell[name] ?? "" }
            func coordinate(_ name: String) -> Double {
                guard let number = Double(value(name)) else {
                    validator.add("line[\(line)].\(name)", value(name).isEmpty ? .required : .invalidValue)
                    return 0
                }
                return number
            }
            func texts(_ prefix: String) -> LocalizedName {
                let expand = { (text: String) in prefix == "name" ? text.replacingOccurrences(of: "{bank}", with: bankName) : text }
                return LocalizedName(kk: expand(value(prefix + "_kk")), ru: expand(value(prefix + "_ru")), en: expand(value(prefix + "_en")))
            }
            let input = BranchInput(
                code: value("code"),
                kind: value("kind"),
                name: texts("name"),
                address: texts("address"),
                latitude: coordinate("latitude"),
                longitude: coordinate("longitude"),
                openingHours: WeeklyHours(ordered: WeeklyHours.days.map(value)),
                services: value("services").split(separator: " ").map(String.init),
                accessibility: value("accessibility").split(separator: " ").map(String.init)
            )
            let draft = BranchDraft.validate(input, into: &validator) { field in "line[\(line)]." + columnName(field) }
            guard let draft, validator.violations.count == before else { continue }
            if firstLineOfCode[draft.code] != nil {
                validator.add("line[\(line)].code", .duplicate)
                continue
            }
            firstLineOfCode[draft.code] = line
            drafts.append(draft)
        }
        if drafts.isEmpty, validator.violations.isEmpty { validator.add("line[2]", .required) }
        return validator.violations.isEmpty ? .success(drafts) : .failure(.validation(validator.violations))
    }

    /// The CSV column for an API field name: `name.kk` → `name_kk`, `openingHours.mon` → `mon`.
    static func columnName(_ field: String) -> String {
        field.hasPrefix("openingHours.") ? String(field.dropFirst("openingHours.".count)) : field.replacingOccurrences(of: ".", with: "_")
    }

    /// Splits on `separator` outside double quotes (`CSVRow`, BankCore).
    static func split(_ row: String, separator: Character) -> [String] { CSVRow.split(row, separator: separator) }
}
