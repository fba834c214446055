/// Windows-1251 (cp1251), which 1C installations still import. An explicit table keeps the output the same on
/// every platform. Kazakh letters with no cp1251 code (ә ғ қ ң ө ұ ү һ) become their nearest Russian letter;
/// і/І exist in cp1251 (Ukrainian) and are kept. Anything else outside the table becomes "?".
public enum Windows1251 {
    public static let kazakhFallback: [Character: Character] = [
        "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н",
        "ө": "о", "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х",
    ]

    public static let specials: [Unicode.Scalar: UInt8] = [
        "Ё": 0xA8, "ё": 0xB8, "І": 0xB2, "і": 0xB3, "№": 0xB9, "«": 0xAB, "»": 0xBB, "–": 0x96, "—": 0x97, "\u{00A0}": 0xA0,
    ]

    public static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            let mapped = kazakhFallback[character] ?? character
            for scalar in mapped.unicodeScalars {
                switch scalar.value {
                case 0x00...0x7F: bytes.append(UInt8(scalar.value))
                case 0x0410...0x044F: bytes.append(UInt8(scalar.value - 0x0410 + 0xC0))  // А…я
                default: bytes.append(specials[scalar] ?? UInt8(ascii: "?"))
                }
            }
        }
        return bytes
    }
}
