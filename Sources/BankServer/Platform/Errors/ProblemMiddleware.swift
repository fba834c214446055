import Vapor

/// Turns every error into `application/problem+json` (RFC 9457) with a stable code and a localised title.
/// Internals (SQL, stack traces) never reach the client; they are logged without personal data.
struct ProblemMiddleware: AsyncMiddleware {
    let localizer: Localizer

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let bankError = Self.classify(error)
            if bankError.status == .internalServerError {
                request.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            return try problemResponse(for: bankError, request: request)
        }
    }

    func problemResponse(for error: BankError, request: Request) throws -> Response {
        let language = request.language
        let problem = Problem(
            type: "https://bizbank.kz/problems/\(error.code.rawValue.replacingOccurrences(of: "_", with: "-"))",
            title: localizer.text("problem.\(error.code.rawValue)", language),
            status: Int(error.status.code),
            code: error.code.rawValue,
            detail: nil,
            errors: error.fields.isEmpty
                ? nil
                : error.fields.map { .init(field: $0.field, code: $0.code.rawValue, message: localizer.text("field.\($0.code.rawValue)", language)) },
            purpose: error.purpose,
            policyVersion: error.policyVersion
        )
        let response = Response(status: error.status)
        try response.content.encode(problem, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.rawValue)
        if let retryAfter = error.retryAfterSeconds {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        }
        return response
    }

    static func classify(_ error: any Error) -> BankError {
        switch error {
        case let bankError as BankError:
            return bankError
        case let ledger as LedgerService.LedgerError:
            return classify(ledger)
        case is PaymentLimits.Exceeded:
            return BankError(status: .unprocessableEntity, code: .limitExceeded)
        case let decoding as DecodingError:
            return classify(decoding)
        case let abort as any AbortError:
            return classify(status: abort.status)
        default:
            return .internalError
        }
    }

    private static func classify(_ error: DecodingError) -> BankError {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            let joined = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .validation([FieldViolation(field: path(context.codingPath, key), code: .required)])
        case .valueNotFound(_, let context):
            return .validation([FieldViolation(field: path(context.codingPath), code: .required)])
        case .typeMismatch(_, let context):
            guard !context.codingPath.isEmpty else { return .malformedRequest }
            return .validation([FieldViolation(field: path(context.codingPath), code: .invalidValue)])
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else { return .malformedRequest }
            return .validation([FieldViolation(field: path(context.codingPath), code: .invalidValue)])
        @unknown default:
            return .malformedRequest
        }
    }

    private static func classify(_ error: LedgerService.LedgerError) -> BankError {
        switch error {
        case .insufficientFunds: BankError(status: .unprocessableEntity, code: .insufficientFunds)
        case .accountUnavailable: BankError(status: .unprocessableEntity, code: .accountUnavailable)
        case .unbalanced, .emptyMovement: .internalError
        }
    }

    private static func classify(status: HTTPResponseStatus) -> BankError {
        let code: ProblemCode
        switch status {
        case .badRequest: code = .malformedRequest
        case .unauthorized: code = .authenticationRequired
        case .forbidden: code = .forbidden
        case .notFound: code = .notFound
        case .methodNotAllowed: code = .methodNotAllowed
        case .notAcceptable: code = .notAcceptable
        case .conflict: code = .conflict
        case .payloadTooLarge: code = .payloadTooLarge
        case .unsupportedMediaType: code = .unsupportedMediaType
        case .unprocessableEntity: code = .validationFailed
        case .tooManyRequests: code = .rateLimited
        case .serviceUnavailable: code = .serviceUnavailable
        default:
            return status.code >= 500 ? .internalError : BankError(status: .badRequest, code: .malformedRequest)
        }
        return BankError(status: status, code: code)
    }
}
