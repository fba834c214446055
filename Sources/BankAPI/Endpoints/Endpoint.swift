import Foundation

/// Who may call an operation.
public enum AuthTier: String, Sendable, CaseIterable {
    /// No session: registration, sign-in, one-time codes, public reference data.
    case `public`
    /// A client's session (`Authorization: Bearer`).
    case signedIn
    /// A bank staff member's session.
    case staff
}

public enum HTTPVerb: String, Sendable, CaseIterable {
    case GET, POST, PUT, PATCH, DELETE
}

/// The values that fill a path template's `{…}` placeholders, in order.
public protocol PathParameters: Sendable {
    var pathValues: [String] { get }
}

/// An operation without path parameters.
public struct NoParameters: PathParameters, Equatable {
    public init() {}
    public var pathValues: [String] { [] }
}

extension UUID: PathParameters {
    public var pathValues: [String] { [uuidString] }
}

extension String: PathParameters {
    public var pathValues: [String] { [self] }
}

/// Two ids, e.g. a company and one of its employees.
public struct IDPair: PathParameters, Equatable {
    public var first: UUID
    public var second: UUID
    public init(_ first: UUID, _ second: UUID) {
        self.first = first
        self.second = second
    }
    public var pathValues: [String] { [first.uuidString, second.uuidString] }
}

/// An operation without a request body.
public struct NoBody: Codable, Sendable, Equatable {
    public init() {}
}

/// An answer without a body (204), or one a client reads as bytes (a file, a page).
public struct NoContent: Codable, Sendable, Equatable {
    public init() {}
}

/// One API operation, the single contract of server, SDK and openapi.yaml: method, path template with typed
/// parameters, request and response types, who may call it, and whether it takes an `Idempotency-Key`.
/// The server registers these values with their handlers; `BankClient` sends them; a test compares the set
/// with openapi.yaml both ways.
public struct Endpoint<Parameters: PathParameters, Body: Encodable & Sendable, Output: Decodable & Sendable>: Sendable {
    public let operationID: String
    public let method: HTTPVerb
    /// `/api/v1/companies/{companyId}/payments`
    public let template: String
    public let auth: AuthTier
    public let idempotent: Bool

    public init(_ operationID: String, _ method: HTTPVerb, _ template: String, auth: AuthTier, idempotent: Bool = false) {
        self.operationID = operationID
        self.method = method
        self.template = template
        self.auth = auth
        self.idempotent = idempotent
    }

    /// The names between braces, in order.
    public var parameterNames: [String] { Self.placeholders(in: template) }

    /// The path with each placeholder replaced, percent-encoded, by its value.
    public func path(_ parameters: Parameters) -> String {
        var values = parameters.pathValues.makeIterator()
        var path = ""
        var inside = false
        for character in template {
            switch character {
            case "{":
                inside = true
                let value = values.next() ?? ""
                path += value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
            case "}": inside = false
            default: if !inside { path.append(character) }
            }
        }
        return path
    }

    /// Method, template, tier and key: what the spec and the route table are compared on.
    public var erased: AnyEndpoint { AnyEndpoint(operationID: operationID, method: method, template: template, auth: auth, idempotent: idempotent) }

    static func placeholders(in template: String) -> [String] {
        template.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }
}

extension Endpoint where Parameters == NoParameters {
    public var path: String { path(NoParameters()) }
}

/// An endpoint without its types, for listing and comparing.
public struct AnyEndpoint: Sendable, Hashable, CustomStringConvertible {
    public let operationID: String
    public let method: HTTPVerb
    public let template: String
    public let auth: AuthTier
    public let idempotent: Bool
    public var description: String { "\(method.rawValue) \(template)" }
}
