import BankCore
import Foundation
import Testing

@testable import BankServer

/// Issue 13: per-field validation codes are `FieldCode` cases. The localisation test checks every case in kk, ru and
/// en; these check the other direction, and that the string codes BankCore reports all have a case (a string without
/// one would reach the wire as `invalid_value`).
@Suite("Field codes")
struct FieldCodeTests {
    private static let messages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BankServer/Resources/Localization/messages.json")

    @Test("every field.* message is a FieldCode case")
    func everyLocalisedCodeIsACase() throws {
        let table = try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: Self.messages))
        let localised = table.keys.filter { $0.hasPrefix("field.") }.map { String($0.dropFirst("field.".count)) }
        #expect(!localised.isEmpty)
        for code in localised {
            #expect(FieldCode(rawValue: code) != nil, "field.\(code) has a message but no FieldCode case")
        }
    }

    /// Every case of `IdentifierError`: a new case does not compile here until it is listed.
    private static func identifierCodes() -> [String] {
        let all: [IdentifierError] = [
            .empty, .wrongLength, .invalidCharacters, .invalidChecksum, .invalidCountry, .invalidDate, .invalidTypeDigit, .notMobile,
            .invalidFormat, .unknownCode,
        ]
        for error in all {
            switch error {
            case .empty, .wrongLength, .invalidCharacters, .invalidChecksum, .invalidCountry, .invalidDate, .invalidTypeDigit, .notMobile,
                .invalidFormat, .unknownCode:
                break
            }
        }
        return all.map(\.code)
    }

    @Test("every code BankCore reports is a FieldCode case")
    func everyBankCoreCodeIsACase() {
        // the payment order's, payroll CSV's and password policy's own codes, as their doc comments list them
        let documented = [
            "required", "too_long", "invalid_characters", "invalid_format", "invalid_value", "not_positive", "bic_mismatch",
            "before_document_date", "invalid_country", "too_short", "contains_personal_data", "too_common",
        ]
        for code in Self.identifierCodes() + documented {
            #expect(FieldCode(rawValue: code) != nil, "BankCore reports \(code), which has no FieldCode case")
            #expect(FieldCode(core: code).rawValue == code)
        }
        #expect(FieldCode(core: "no_such_code") == .invalidValue)
    }

    @Test("a violation reaches the wire as its raw value")
    func wireCodeIsTheRawValue() {
        #expect(FieldCode.mustBeTrue.rawValue == "must_be_true")
        #expect("\(FieldCode.mustBeTrue)" == "must_be_true")
        #expect(FieldViolation(field: "acceptPolicy", code: .mustBeTrue).code.rawValue == "must_be_true")
    }
}
