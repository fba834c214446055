import BankClient
import Foundation
import Testing

@testable import BankWeb

/// Issue 13: the web pages decide in one place (`ServiceKit.wrongCode`) whether a refused code answer goes back to
/// its own form: the contact-change pages also for a malformed code, the employee actions only for a wrong one.
@Suite("Web: a wrong code")
struct WebWrongCodeTests {
    static func problem(_ code: String, fields: [String] = []) throws -> BankClientError {
        let errors = fields.map { #"{"field":"\#($0)","code":"invalid_format","message":"m"}"# }.joined(separator: ",")
        let json = #"{"type":"about:blank","title":"t","status":422,"code":"\#(code)","errors":[\#(errors)]}"#
        return .problem(try JSONDecoder().decode(Problem.self, from: Data(json.utf8)))
    }

    @Test
    func aWrongCode_goesBackToItsForm_everywhere() throws {
        let wrong = try Self.problem("otp_invalid")
        #expect(ServiceKit.wrongCode(wrong))
        #expect(ServiceKit.wrongCode(wrong, orMalformed: false))
    }

    @Test
    func aMalformedCode_goesBackOnlyWhereAsked() throws {
        let malformed = try Self.problem("validation_failed", fields: ["code"])
        #expect(ServiceKit.wrongCode(malformed))
        #expect(!ServiceKit.wrongCode(malformed, orMalformed: false))
    }

    @Test
    func otherRefusals_doNot() throws {
        #expect(!ServiceKit.wrongCode(try Self.problem("otp_expired")))
        #expect(!ServiceKit.wrongCode(try Self.problem("validation_failed", fields: ["email"])))
        #expect(!ServiceKit.wrongCode(BankClientError.sessionExpired))
    }
}
