import BankCore
import Foundation

/// Reads the payroll CSV (full name; IIN; IBAN; amount), comma- or semicolon-separated, quotes allowed, an
/// optional header row. Every line is validated; errors are reported with their line number.
enum PayrollCSV {
    struct Line: Sendable, Equatable {
        let number: Int
        let fullName: String
        let iin: IIN
        let iban: IBAN
        let amount: Money
    }

    static let maximumLines = 5000

    static func parse(_ text: String, currency: Currency) -> Result<[Line], BankError> {
        var lines: [Line] = []
        var violations: [FieldViolation] = []
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        for (index, row) in rows.enumerated() {
            let lineNumber = index + 1
            if row.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = split(row)
            if lineNumber == 1, let first = cells.first?.lowercased(), first.contains("name") || first.contains("фио") || first.contains("аты") {
                continue  // header row
            }
            guard cells.count == 4 else {
                violations.append(FieldViolation(field: "line[\(lineNumber)]", code: "invalid_format"))
                continue
            }
            let name = cells[0].trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.count > 200 { violations.append(FieldViolation(field: "line[\(lineNumber)].fullName", code: "required")) }
            let iin = parseField(lineNumber, "iin", &violations) { () throws(IdentifierError) in try IIN(cells[1]) }
            let iban = parseField(lineNumber, "iban", &violations) { () throws(IdentifierError) in try IBAN(cells[2]) }
            var amount: Money?
            do {
                let parsed = try Money(parsing: cells[3].trimmingCharacters(in: .whitespaces), currency: currency)
                if parsed.isPositive {
                    amount = parsed
                } else {
                    violations.append(FieldViolation(field: "line[\(lineNumber)].amount", code: "not_positive"))
                }
            } catch {
                violations.append(FieldViolation(field: "line[\(lineNumber)].amount", code: "invalid_format"))
            }
            if let iin, let iban, let amount, !name.isEmpty, name.count <= 200 {
                lines.append(Line(number: lineNumber, fullName: name, iin: iin, iban: iban, amount: amount))
            }
        }
        if lines.isEmpty, violations.isEmpty { violations.append(FieldViolation(field: "csv", code: "required")) }
        if lines.count > maximumLines { violations.append(FieldViolation(field: "csv", code: "too_long")) }
        return violations.isEmpty ? .success(lines) : .failure(.validation(violations))
    }

    private static func parseField<T>(
        _ line: Int,
        _ field: String,
        _ violations: inout [FieldViolation],
        _ parse: () throws(IdentifierError) -> T
    ) -> T? {
        do {
            return try parse()
        } catch {
            violations.append(FieldViolation(field: "line[\(line)].\(field)", code: error.code))
            return nil
        }
    }

    /// Splits on `;` or `,` outside double quotes ("" inside quotes is a quote).
    static func split(_ row: String) -> [String] {
        let separator: Character = row.contains(";") ? ";" : ","
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(row).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
