import BankCore
import Testing

struct KZIdentifierChecksumTests {
    private func digits(_ text: String) -> [Int] {
        text.compactMap(\.wholeNumberValue)
    }

    // Hand-verified with a separate python3 calculation of the DOMAIN.md rule.
    @Test(arguments: [
        ("90011530000", 3), ("85073140012", 6), ("00022950001", 8), ("05034000001", 9), ("15125000002", 3),
        ("20016100003", 9),
    ])
    func checkDigit_firstPass_matchesHandCalculation(first11: String, expected: Int) {
        #expect(Reference.firstPassSum(first11) != 10)
        #expect(KZIdentifierChecksum.checkDigit(for: digits(first11)) == expected)
    }

    @Test(arguments: [("90011530040", 1), ("05034000180", 8), ("15125000040", 2), ("20016100180", 4), ("05034200006", 6)])
    func checkDigit_whenFirstPassIsTen_usesFallbackWeights(first11: String, expected: Int) {
        // given: a prefix whose first pass gives 10
        #expect(Reference.firstPassSum(first11) == 10)
        // when
        let check = KZIdentifierChecksum.checkDigit(for: digits(first11))
        // then
        #expect(check == expected)
        #expect(check == Reference.secondPassSum(first11))
    }

    @Test(arguments: ["90011530120", "90011530201", "05034000181", "05034000262"])
    func checkDigit_whenBothPassesAreTen_isNil(first11: String) {
        #expect(Reference.firstPassSum(first11) == 10)
        #expect(Reference.secondPassSum(first11) == 10)
        #expect(KZIdentifierChecksum.checkDigit(for: digits(first11)) == nil)
    }

    @Test func checkDigit_agreesWithReferenceOnManyPrefixes() {
        var generator = SeededGenerator(seed: 20_250_113)
        var fallbackCount = 0
        var impossibleCount = 0
        for _ in 0..<5_000 {
            let prefix = generator.digits(11)
            #expect(KZIdentifierChecksum.checkDigit(for: digits(prefix)) == Reference.kzCheckDigit(prefix))
            if Reference.firstPassSum(prefix) == 10 { fallbackCount += 1 }
            if Reference.kzCheckDigit(prefix) == nil { impossibleCount += 1 }
        }
        // Both special paths must actually have been exercised.
        #expect(fallbackCount > 0)
        #expect(impossibleCount > 0)
    }

    @Test(arguments: [[Int](), Array(repeating: 1, count: 10), Array(repeating: 1, count: 12)])
    func checkDigit_withWrongDigitCount_isNil(input: [Int]) {
        #expect(KZIdentifierChecksum.checkDigit(for: input) == nil)
    }

    @Test(arguments: [[9, 0, 0, 1, 1, 5, 3, 0, 0, 0, 10], [-1, 0, 0, 1, 1, 5, 3, 0, 0, 0, 0]])
    func checkDigit_withValueOutsideZeroToNine_isNil(input: [Int]) {
        #expect(KZIdentifierChecksum.checkDigit(for: input) == nil)
    }

    @Test func checkDigit_acceptsAnyCollection() {
        let padded = [7] + digits("90011530000")
        #expect(KZIdentifierChecksum.checkDigit(for: padded.dropFirst()) == 3)
        #expect(KZIdentifierChecksum.checkDigit(for: "90011530000".lazy.compactMap(\.wholeNumberValue)) == 3)
    }
}
