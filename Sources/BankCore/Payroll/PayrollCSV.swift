import Foundation

/// Reads the payroll CSV (full name; IIN; IBAN; amount), comma- or semicolon-separated, quotes allowed, an
/// optional header row. Every line is validated; errors are reported with their line number (`line[3].iban`), all
/// at once, so the accountant fixes the file in one round trip.
public enum PayrollCSV {
    public struct Line: Sendable, Equatable {
        /// The line in the file, 1-based, counting the header and blank lines.
        public let number: Int
        public let fullName: String
        public let iin: IIN
        public let iban: IBAN
        public let amount: Money
    }

    public static let maximumLines = 5000

    public static func parse(_ text: String, currency: Currency) -> Result<[Line], PayrollCSVInvalid> {
        var lines: [Line] = []
        var violations: [PayrollCSVInvalid.Violation] = []
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        for (index, row) in rows.enumerated() {
            let lineNumber = index + 1
            if row.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = split(row)
            if lineNumber == 1, let first = cells.first?.lowercased(), first.contains("name") || first.contains("фио") || first.contains("аты") {
                continue  // header row
            }
            guard cells.count == 4 else {
                violations.append(.init(field: "line[\(lineNumber)]", code: "invalid_format"))
                continue
            }
            let name = cells[0].trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.count > 200 { violations.append(.init(field: "line[\(lineNumber)].fullName", code: "required")) }
            let iin = parseField(lineNumber, "iin", &violations) { () throws(IdentifierError) in try IIN(cells[1]) }
            let iban = parseField(lineNumber, "iban", &violations) { () throws(IdentifierError) in try IBAN(cells[2]) }
            var amount: Money?
            do {
                let parsed = try Money(parsing: cells[3].trimmingCharacters(in: .whitespaces), currency: currency)
                if parsed.isPositive {
                    amount = parsed
                } else {
                    violations.append(.init(field: "line[\(lineNumber)].amount", code: "not_positive"))
                }
            } catch {
                violations.append(.init(field: "line[\(lineNumber)].amount", code: "invalid_format"))
            }
            if let iin, let iban, let amount, !name.isEmpty, name.count <= 200 {
                lines.append(Line(number: lineNumber, fullName: name, iin: iin, iban: iban, amount: amount))
            }
        }
        if lines.isEmpty, violations.isEmpty { violations.append(.init(field: "csv", code: "required")) }
        if lines.count > maximumLines { violations.append(.init(field: "csv", code: "too_long")) }
        return violations.isEmpty ? .success(lines) : .failure(PayrollCSVInvalid(violations: violations))
    }

    private static func parseField<T>(
        _ line: Int,
        _ field: String,
        _ violations: inout [PayrollCSVInvalid.Violation],
        _ parse: () throws(IdentifierError) -> T
    ) -> T? {
        do {
            return try parse()
        } catch {
            violations.append(.init(field: "line[\(line)].\(field)", code: error.code))
            return nil
        }
    }

    /// Splits on `;` when the row has one, else on `,`, outside double quotes (`CSVRow`).
    static func split(_ row: String) -> [String] { CSVRow.split(row, separator: row.contains(";") ? ";" : ",") }
}
