/// Byte-level helpers so the identifier types need no Foundation and never accept
/// non-ASCII look-alikes (e.g. Arabic-Indic or full-width digits).
enum ASCIIText {
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    static func isDigit(_ byte: UInt8) -> Bool {
        (zero...nine).contains(byte)
    }

    static func isUpperLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isLowerLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        isUpperLetter(byte) || isLowerLetter(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte)
    }

    static func uppercased(_ byte: UInt8) -> UInt8 {
        isLowerLetter(byte) ? byte - 32 : byte
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        isUpperLetter(byte) ? byte + 32 : byte
    }

    /// The decimal digits of `text`, or nil when it holds anything but ASCII digits.
    static func digits(of text: some StringProtocol) -> [Int]? {
        var result: [Int] = []
        for byte in text.utf8 {
            guard isDigit(byte) else { return nil }
            result.append(Int(byte - zero))
        }
        return result
    }

    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Drops leading and trailing Unicode whitespace (form input often carries stray spaces or newlines).
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
