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
    /// §2.3: the device feature needs the person's consent for this purpose first; ask for it, then grant it.
    case consentRequired(purpose: String)
    /// A staff operation sent through a client's `BankClient`, or a client operation through `StaffClient`.
    case wrongTier(String)

    public var description: String {
        switch self {
        case .problem(let problem):
            // field names and codes only: a field's value never travels back in a problem
            "\(problem.status) \(problem.code): \(problem.title)"
                + (problem.errors.map { " [" + $0.map { "\($0.field) \($0.code)" }.joined(separator: ", ") + "]" } ?? "")
        case .sessionExpired: "the session has ended; sign in again"
        case .policyAcceptanceRequired(let version, _): "policy edition \(version) must be accepted first"
        case .notSignedIn: "not signed in"
        case .transport(let reason): "transport failure: \(reason)"
        case .unexpectedResponse(let status): "unexpected response \(status)"
        case .consentRequired(let purpose): "consent for \(purpose) is needed first"
        case .wrongTier(let operation): "\(operation) belongs to another client"
        }
    }

    /// The stable problem code, if the server sent one.
    public var code: String? {
        switch self {
        case .problem(let problem), .policyAcceptanceRequired(_, let problem): problem.code
        case .sessionExpired: "session_expired"
        case .consentRequired: "consent_required"
        default: nil
        }
    }
}
