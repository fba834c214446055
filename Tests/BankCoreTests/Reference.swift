/// Independent re-implementations of the check-digit rules, written differently from BankCore
/// so a shared mistake is unlikely. Tests compare BankCore against these, not against itself.
enum Reference {
    /// DOMAIN.md: Σ dᵢ·i mod 11 over the first 11 digits with weights 1…11.
    static func firstPassSum(_ first11: String) -> Int {
        let digits = first11.compactMap(\.wholeNumberValue)
        var sum = 0
        for index in 0..<11 { sum += digits[index] * (index + 1) }
        return sum % 11
    }

    /// DOMAIN.md: fallback weights 3,4,…,11,1,2 written as a rotation of 1…11 by two places.
    static func secondPassSum(_ first11: String) -> Int {
        let digits = first11.compactMap(\.wholeNumberValue)
        var sum = 0
        for index in 0..<11 { sum += digits[index] * ((index + 2) % 11 + 1) }
        return sum % 11
    }

    static func kzCheckDigit(_ first11: String) -> Int? {
        let first = firstPassSum(first11)
        if first != 10 { return first }
        let second = secondPassSum(first11)
        return second == 10 ? nil : second
    }

    /// `first11` completed with its reference check digit, or with `fallback` when none exists.
    static func withKZCheckDigit(_ first11: String, fallback: Int = 0) -> String {
        first11 + String(kzCheckDigit(first11) ?? fallback)
    }

    /// ISO 7064 MOD 97-10 by the piecewise method of ISO 13616 (nine digits at a time).
    static func ibanMod97(_ iban: String) -> Int {
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        let numeric = rearranged.map { character in
            character.isNumber ? String(character) : String(Int(character.asciiValue! - Character("A").asciiValue!) + 10)
        }.joined()
        var remainder = 0
        var rest = Substring(numeric)
        while !rest.isEmpty {
            let chunk = String(remainder) + rest.prefix(7)
            rest = rest.dropFirst(7)
            remainder = Int(chunk)! % 97
        }
        return remainder
    }
}

/// SplitMix64: a seeded generator so the property-style tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &self))) })
    }
}
