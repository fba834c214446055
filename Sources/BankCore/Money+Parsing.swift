extension Money {
    /// Parses a decimal amount as typed by people or exported by accounting software:
    /// `1234.50`, `1 234,5`, `-0.05`, `+10`. Either `.` or `,` separates the fraction (never both);
    /// spaces, no-break spaces and narrow no-break spaces group thousands in the integer part (ru/kk locales).
    ///
    /// Errors: anything else, or more fraction digits than the currency has, is `.invalidAmount`
    /// (rounding would silently change the amount); a value outside Int64 minor units is `.overflow`.
    public init(parsing decimal: String, currency: Currency) throws(MoneyError) {
        var text = Substring(decimal.trimmingWhitespace())
        let isNegative = text.first == "-"
        if isNegative || text.first == "+" { text = text.dropFirst() }

        let separatorIndex = text.firstIndex { $0 == "." || $0 == "," }
        let integerText = separatorIndex.map { text[..<$0] } ?? text
        let fractionText = separatorIndex.map { text[text.index(after: $0)...] } ?? ""

        guard let integerDigits = Self.integerDigits(integerText) else { throw .invalidAmount }
        guard let fractionDigits = ASCIIText.digits(of: fractionText),
            separatorIndex == nil || !fractionDigits.isEmpty,
            fractionDigits.count <= currency.minorUnitDigits
        else { throw .invalidAmount }

        let paddedFraction = fractionDigits + Array(repeating: 0, count: currency.minorUnitDigits - fractionDigits.count)
        var magnitude: UInt64 = 0
        for digit in integerDigits + paddedFraction {
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflowA, !overflowB else { throw .overflow }
            magnitude = next
        }

        // Int64.min has no positive counterpart, so the negative range is one larger.
        let limit = isNegative ? Int64.min.magnitude : UInt64(Int64.max)
        guard magnitude <= limit else { throw .overflow }
        let minorUnits = isNegative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        self.init(minorUnits: minorUnits, currency: currency)
    }

    /// Integer-part digits with thousands separators removed; nil when a separator leads, trails
    /// or doubles, or when anything else appears.
    private static func integerDigits(_ text: Substring) -> [Int]? {
        let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
        var digits: [Int] = []
        var previousWasSeparator = true
        for character in text {
            if groupSeparators.contains(character) {
                guard !previousWasSeparator else { return nil }
                previousWasSeparator = true
            } else if let ascii = character.asciiValue, ASCIIText.isDigit(ascii) {
                digits.append(Int(ascii - ASCIIText.zero))
                previousWasSeparator = false
            } else {
                return nil
            }
        }
        return digits.isEmpty || previousWasSeparator ? nil : digits
    }
}
