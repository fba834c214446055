import Foundation

/// One row of a CSV file as the bank's imports read it (branches, in the console and the command): cells split on
/// `separator` outside double quotes, `""` inside quotes is a quote, each cell trimmed.
public enum CSVRow {
    public static func split(_ row: String, separator: Character) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(row)[...]
        while let character = characters.popFirst() {
            if quoted, character == "\"" {
                if characters.first == "\"" {
                    current.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                }
            } else if quoted {
                current.append(character)
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
