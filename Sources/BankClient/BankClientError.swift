import BankAPI
import Foundation

/// An RFC 9457 problem document as the server sends it: a stable code, the title in the request's language and, for
/// validation, one localised message per field, so a form can show each next to its field.
public struct Problem: Codable, Sendable, Equatable {
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var code: String
        public var message: String
    }

    public var type: String
    public var title: String
    public var status: Int
    public var code: String
    public var detail: String?
    public var errors: [FieldError]?
    /// `consent_required`: the purpose whose consent is missing.
    public var purpose: String?
    /// `policy_acceptance_required`: the edition to show and accept.
    public var policyVersion: Int?

    /// The message for one field, if the server named it.
    public func message(for field: String) -> String? { errors?.first { $0.field == field }?.message }
}

/// Every failure a caller of the SDK sees. Descriptions never carry tokens, codes or personal data.
public enum BankClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server refused with a problem document.
    case problem(Problem)
    /// The session ended (idle or absolute timeout, sign-out elsewhere, a §5.2 report): sign in again.
    case sessionExpired
    /// §6.2: a new policy edition is in force; show this edition and accept it before anything else.
    case policyAcceptanceRequired(version: Int, problem: Problem)
    /// An operation that needs a session was called without one.
    case notSignedIn
    /// Nothing came back: no network, a timeout, a dropped connection.
    case transport(String)
    /// An answer the SDK does not understand.
    case unexpectedResponse(status: Int)

    public var description: String {
        switch self {
        case .problem(let problem): "\(problem.status) \(problem.code): \(problem.title)"
        case .sessionExpired: "the session has ended; sign in again"
        case .policyAcceptanceRequired(let version, _): "policy edition \(version) must be accepted first"
        case .notSignedIn: "not signed in"
        case .transport(let reason): "transport failure: \(reason)"
        case .unexpectedResponse(let status): "unexpected response \(status)"
        }
    }

    /// The stable problem code, if the server sent one.
    public var code: String? {
        switch self {
        case .problem(let problem), .policyAcceptanceRequired(_, let problem): problem.code
        case .sessionExpired: "session_expired"
        default: nil
        }
    }
}
