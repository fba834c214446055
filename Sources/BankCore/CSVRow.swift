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

/// The text of an uploaded CSV file. An accountant's spreadsheet saves UTF-8 (with or without a byte-order mark)
/// or, from an older Excel in a Russian locale, Windows-1251; bytes that are not valid UTF-8 are read as
/// Windows-1251, where every byte is a character, so nothing is dropped or replaced without a trace.
public enum CSVText {
    public static func decode(_ bytes: [UInt8]) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        return String(data: Data(body), encoding: .windowsCP1251) ?? String(decoding: body, as: UTF8.self)
    }
}
