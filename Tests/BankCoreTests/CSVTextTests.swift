import BankCore
import Testing

@Suite("CSV upload text: UTF-8 or Windows-1251")
struct CSVTextTests {
    @Test func utf8_withOrWithoutItsByteOrderMark_isReadAsIs() {
        let line = "Әсел Оспанова;900101300123;1000"
        #expect(CSVText.decode(Array(line.utf8)) == line)
        #expect(CSVText.decode([0xEF, 0xBB, 0xBF] + Array(line.utf8)) == line)
    }

    @Test func windows1251_fromAnOlderExcel_isReadAsCyrillic() {
        // "Асель;1000" as Excel in a Russian locale saves it
        let bytes: [UInt8] = [0xC0, 0xF1, 0xE5, 0xEB, 0xFC, 0x3B, 0x31, 0x30, 0x30, 0x30]
        #expect(CSVText.decode(bytes) == "Асель;1000")
    }
}
