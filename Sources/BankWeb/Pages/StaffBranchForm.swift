import BankAPI
import BankCore
import Foundation

/// One branch as form fields and CSV cells. The names are the columns of `bizbank branches import` (`name_kk`,
/// `mon`…), for the form and the CSV alike; the API's field names (`name.kk`, `openingHours.mon`) map onto them.
enum StaffBranchForm {
    static let columns =
        [
            "code", "kind", "name_kk", "name_ru", "name_en", "address_kk", "address_ru", "address_en", "latitude", "longitude",
        ] + WeeklyHours.days + ["services", "accessibility"]
    static let services = ["cash_in", "cash_out", "currency_exchange", "business_desk"]
    static let features = ["step_free_entrance", "hearing_loop", "audio_guidance", "braille_keypad"]

    /// The column for an API field name: `name.kk` → `name_kk`, `openingHours.mon` → `mon`.
    static func column(_ field: String) -> String {
        field.hasPrefix("openingHours.") ? String(field.dropFirst("openingHours.".count)) : field.replacingOccurrences(of: ".", with: "_")
    }

    /// The API's field messages, keyed by column.
    static func columnErrors(_ fields: [String: String]) -> [String: String] {
        Dictionary(fields.map { (column($0.key), $0.value) }) { first, _ in first }
    }

    /// A branch from its cells (`services` and `accessibility` space-separated; `{bank}` in a name is the bank's
    /// name, as the command-line import does). A coordinate that is not a number is named in `errors`.
    static func input(_ cell: (String) -> String, bankName: String = "BizBank", errors: inout [String: String], invalid: String) -> BranchInput {
        func coordinate(_ name: String) -> Double {
            guard let number = Double(cell(name).replacingOccurrences(of: ",", with: ".")) else {
                errors[name] = invalid
                return 0
            }
            return number
        }
        func texts(_ prefix: String) -> LocalizedName {
            let expand = { (text: String) in prefix == "name" ? text.replacingOccurrences(of: "{bank}", with: bankName) : text }
            return LocalizedName(kk: expand(cell(prefix + "_kk")), ru: expand(cell(prefix + "_ru")), en: expand(cell(prefix + "_en")))
        }
        return BranchInput(
            code: cell("code"),
            kind: cell("kind"),
            name: texts("name"),
            address: texts("address"),
            latitude: coordinate("latitude"),
            longitude: coordinate("longitude"),
            openingHours: WeeklyHours(ordered: WeeklyHours.days.map(cell)),
            services: cell("services").split(separator: " ").map(String.init),
            accessibility: cell("accessibility").split(separator: " ").map(String.init)
        )
    }

    /// The cells of a branch as the API holds it (to fill the edit form).
    static func cells(
        code: String,
        kind: String,
        name: LocalizedName,
        address: LocalizedName,
        latitude: Double,
        longitude: Double,
        hours: WeeklyHours,
        services: [String],
        accessibility: [String]
    ) -> [String: String] {
        var cells: [String: String] = [
            "code": code, "kind": kind, "name_kk": name.kk, "name_ru": name.ru, "name_en": name.en, "address_kk": address.kk,
            "address_ru": address.ru, "address_en": address.en, "latitude": String(latitude), "longitude": String(longitude),
            "services": services.joined(separator: " "), "accessibility": accessibility.joined(separator: " "),
        ]
        for (day, text) in zip(WeeklyHours.days, hours.ordered) { cells[day] = text }
        return cells
    }

    /// The form's fields, filled from `cells`, with the API's messages on them.
    static func fields(_ web: Web, _ cells: [String: String], errors: [String: String]) -> Markup {
        func field(_ name: String, _ key: String, extra: String = "") -> Markup {
            Layout.field(web, name, label: web.t(key), value: cells[name] ?? "", errors: errors, extra: extra)
        }
        let kinds = [("branch", web.t("staff.branches.kindBranch")), ("atm", web.t("staff.branches.kindAtm"))]
        let days: [Markup] = zip(WeeklyHours.days, dayNames(web)).map { day, label in
            Layout.field(web, day, label: label, value: cells[day] ?? "", errors: errors, extra: "placeholder=\"09:00-18:00\" required")
        }
        let serviceNames = [
            web.t("staff.branches.cashIn"), web.t("staff.branches.cashOut"), web.t("staff.branches.exchange"), web.t("staff.branches.businessDesk"),
        ]
        let featureNames = [
            web.t("staff.branches.stepFree"), web.t("staff.branches.hearingLoop"), web.t("staff.branches.audio"), web.t("staff.branches.braille"),
        ]
        let chosen = { (name: String) in Set((cells[name] ?? "").split(separator: " ").map(String.init)) }
        return """
            \(field("code", "staff.branches.code", extra: "required maxlength=\"32\""))
            \(StaffPages.select(web, "kind", label: web.t("staff.branches.kind"), options: kinds, chosen: cells["kind"] ?? "branch", errors: errors))
            \(field("name_kk", "staff.branches.nameKk", extra: "required"))
            \(field("name_ru", "staff.branches.nameRu", extra: "required"))
            \(field("name_en", "staff.branches.nameEn", extra: "required"))
            \(field("address_kk", "staff.branches.addressKk", extra: "required"))
            \(field("address_ru", "staff.branches.addressRu", extra: "required"))
            \(field("address_en", "staff.branches.addressEn", extra: "required"))
            \(field("latitude", "staff.branches.latitude", extra: "inputmode=\"decimal\" required"))
            \(field("longitude", "staff.branches.longitude", extra: "inputmode=\"decimal\" required"))
            <fieldset><legend>\(web.t("staff.branches.hours"))</legend><p class="hint">\(web.t("staff.branches.hoursHint"))</p>\(days)</fieldset>
            \(StaffPages.checkboxes("services", legend: web.t("staff.branches.services"), options: Array(zip(services, serviceNames)), chosen: chosen("services"), errors: errors))
            \(StaffPages.checkboxes("accessibility", legend: web.t("staff.branches.accessibility"), options: Array(zip(features, featureNames)), chosen: chosen("accessibility"), errors: errors))
            \(StaffPages.otherErrors(errors, shown: Set(columns)))
            """
    }

    /// Monday first, as `WeeklyHours.days`.
    static func dayNames(_ web: Web) -> [String] {
        [
            web.t("staff.day.mon"), web.t("staff.day.tue"), web.t("staff.day.wed"), web.t("staff.day.thu"), web.t("staff.day.fri"),
            web.t("staff.day.sat"), web.t("staff.day.sun"),
        ]
    }

    /// The posted form as cells (checkbox groups joined with spaces).
    static func posted(_ web: Web) -> [String: String] {
        var cells: [String: String] = [:]
        for name in columns where name != "services" && name != "accessibility" { cells[name] = web.form(name) }
        cells["services"] = StaffPages.values(web, "services").joined(separator: " ")
        cells["accessibility"] = StaffPages.values(web, "accessibility").joined(separator: " ")
        return cells
    }
}
