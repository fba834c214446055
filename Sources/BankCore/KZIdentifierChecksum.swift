/// Check digit shared by IIN and BIN.
///
/// DOMAIN.md: s = Σ dᵢ·i mod 11 with weights 1…11; if s = 10, recompute with weights
/// 3…11, 1, 2; if that is also 10 the number cannot be issued; otherwise the 12th digit is s.
public enum KZIdentifierChecksum {
    static let firstPassWeights = Array(1...11)
    static let secondPassWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]

    /// The 12th digit for the given first 11 digits.
    ///
    /// Returns nil when both passes give 10 (no valid identifier has this prefix), and also when
    /// the input is not exactly 11 values in 0…9, since no check digit exists for it.
    public static func checkDigit(for first11: some Collection<Int>) -> Int? {
        guard first11.count == 11, first11.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let firstPass = weightedSum(first11, firstPassWeights) % 11
        if firstPass != 10 { return firstPass }
        let secondPass = weightedSum(first11, secondPassWeights) % 11
        return secondPass == 10 ? nil : secondPass
    }

    /// True when the 12 digits end with the check digit of the first 11.
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 12, let expected = checkDigit(for: digits.prefix(11)) else { return false }
        return digits[11] == expected
    }

    /// Appends the check digit to 11 ASCII digits, or nil when that is impossible.
    static func completing(_ first11: String) -> String? {
        guard let digits = ASCIIText.digits(of: first11), digits.count == 11,
            let check = checkDigit(for: digits)
        else { return nil }
        return first11 + String(check)
    }

    /// Shared first stage of IIN and BIN validation: trimmed, ASCII digits only, exactly 12 of them.
    static func parseTwelveDigits(_ raw: String) throws(IdentifierError) -> (text: String, digits: [Int]) {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw .empty }
        guard let digits = ASCIIText.digits(of: text) else { throw .invalidCharacters }
        guard digits.count == 12 else { throw .wrongLength }
        return (text, digits)
    }

    private static func weightedSum(_ digits: some Collection<Int>, _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
