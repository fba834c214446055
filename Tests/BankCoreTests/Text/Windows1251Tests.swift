import BankCore
import Foundation
import Testing

@Suite("Windows-1251 for 1C statement exports")
struct Windows1251Tests {
    private func decoded(_ bytes: [UInt8]) -> String? { String(data: Data(bytes), encoding: .windowsCP1251) }

    @Test func cyrillic_andTheSpecials_haveTheirCodes() {
        #expect(Windows1251.encode("Сумма") == [0xD1, 0xF3, 0xEC, 0xEC, 0xE0])
        #expect(Windows1251.encode("№ і «»") == [0xB9, 0x20, 0xB3, 0x20, 0xAB, 0xBB])
        #expect(Windows1251.encode("Ёё") == [0xA8, 0xB8])
    }

    @Test func kazakhLetters_becomeTheirNearestRussianLetter() {
        #expect(Windows1251.encode("Қазақ") == Windows1251.encode("Казак"))
        #expect(decoded(Windows1251.encode("ӘҒҚҢӨҰҮҺІ әғқңөұүһі")) == "АГКНОУУХІ агкноуухі")
    }

    @Test func russianText_roundTrips() {
        let text = "Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЛКА 2026"
        #expect(decoded(Windows1251.encode(text)) == text)
    }

    @Test func aCharacterOutsideTheTable_isAQuestionMark() {
        #expect(Windows1251.encode("a✓b") == [0x61, 0x3F, 0x62])
    }
}
