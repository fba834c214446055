import Vapor

/// Every `{name}` placeholder of the `Endpoints` path templates in BankAPI, so a handler names a path parameter
/// by a case the compiler checks, not by a string (a typo used to be a runtime 400). `PathParameterTests` keeps
/// this list and `Endpoints.all` in step.
enum PathParameter: String, CaseIterable, Sendable {
    case accountId
    case alertId
    case branchId
    case breachId
    case companyId
    case contentId
    case deviceId
    case documentId
    case invitationId
    case itemId
    case paymentId
    case payrollId
    /// A `ProcessingPurpose` raw value, not a UUID: read with `parameterText(_:)`.
    case purpose
    case requestId
    case sessionId
    case ticketId
    case userId
}

extension Request {
    /// The UUID in the path parameter `p`; a missing or malformed one is `400 malformed_request`.
    func parameter(_ p: PathParameter) throws -> UUID {
        guard let raw = parameters.get(p.rawValue), let id = UUID(uuidString: raw) else { throw BankError.malformedRequest }
        return id
    }

    /// The path parameter `p` as sent, for the few that are not UUIDs (`purpose`).
    func parameterText(_ p: PathParameter) -> String? {
        parameters.get(p.rawValue)
    }
}
