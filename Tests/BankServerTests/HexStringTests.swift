import Crypto
import Foundation
import Testing

@testable import BankServer

@Suite("Hex encoding of hashes and keys")
struct HexStringTests {
    @Test func everyByte_isTwoLowerCaseDigits_likeFormat() {
        let bytes = Data((0...255).map { UInt8($0) })
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(Data().hexString.isEmpty)
    }

    @Test func aKnownDigest_matchesItsPublishedHex() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        #expect(SHA256.hash(data: Data("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
