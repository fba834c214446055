import BankCore
import Foundation
import Testing

@testable import BankServer

/// §2.1, §2.4: the register of purposes is the only list of what is processed and why. A register that misses a
/// purpose, names one twice, uses an unnamed data category or lets a non-consent purpose be switched off is refused
/// (and `configure` refuses to start with it).
@Suite("The register of processing purposes (§2.1, §2.4)")
struct PurposeRegisterTests {
    private static func bundledJSON() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: PurposeRegister.bundledJSON()) as? [String: Any])
    }

    private static func register(_ edit: (inout [[String: Any]], inout [String: Any]) -> Void) throws -> PurposeRegister {
        var file = try bundledJSON()
        var purposes = file["purposes"] as? [[String: Any]] ?? []
        var categories = file["categories"] as? [String: Any] ?? [:]
        edit(&purposes, &categories)
        file["purposes"] = purposes
        file["categories"] = categories
        return try PurposeRegister.validated(JSONSerialization.data(withJSONObject: file))
    }

    @Test func theBundledRegister_namesEveryPurposeOnce() throws {
        let register = try Self.register { _, _ in }
        #expect(register.entries.map(\.id).sorted { $0.rawValue < $1.rawValue } == ProcessingPurpose.allCases.sorted { $0.rawValue < $1.rawValue })
    }

    @Test func aMissingPurpose_isRefused() {
        #expect(throws: PurposeRegister.RegisterError.self) { try Self.register { purposes, _ in purposes.removeLast() } }
    }

    @Test func aPurposeNamedTwice_isRefused() {
        #expect(throws: PurposeRegister.RegisterError.self) { try Self.register { purposes, _ in purposes.append(purposes[0]) } }
    }

    @Test func aCategoryWithoutAName_isRefused() {
        #expect(throws: PurposeRegister.RegisterError.self) {
            try Self.register { purposes, _ in purposes[0]["categories"] = ["a_category_nobody_named"] }
        }
    }

    /// Law 94-V art. 8: every purpose says whether its data is published in public sources.
    @Test func aPurposeWithoutThePublishedFlag_isRefused() throws {
        let register = try Self.register { _, _ in }
        #expect(register.entries.allSatisfy { !$0.published })
        #expect(throws: (any Error).self) { try Self.register { purposes, _ in _ = purposes[0].removeValue(forKey: "published") } }
    }

    @Test func aSwitchablePurpose_mustRestOnConsent() throws {
        let register = try Self.register { _, _ in }
        let notConsent = try #require(register.entries.firstIndex { $0.basis != .consent })
        #expect(throws: PurposeRegister.RegisterError.self) {
            try Self.register { purposes, _ in purposes[notConsent]["switchable"] = true }
        }
    }
}
