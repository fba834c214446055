import Crypto
import Fluent
import Foundation
import Vapor

/// `Idempotency-Key` for state-changing calls: the first answer is stored and replayed to every retry; a
/// duplicate arriving while the first is still running gets 409; the same key with another body gets 422.
/// The key is claimed by a unique insert, so two processes cannot both run the operation.
struct IdempotencyGuard: Sendable {
    static let header = "Idempotency-Key"

    func run(_ req: Request, operation: @Sendable () async throws -> Response) async throws -> Response {
        guard let key = req.headers.first(name: Self.header) else { return try await operation() }
        guard (1...128).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw BankError.validation([FieldViolation(field: Self.header, code: "invalid_value")])
        }
        let caller = try req.caller
        let body = Self.canonical(req.body.data.map { Data($0.readableBytesView) } ?? Data())
        let requestHash = SHA256.hash(data: Data("\(req.method.rawValue) \(req.url.path)\n".utf8) + body).hexString
        let record = IdempotencyRecord()
        record.id = UUID()
        record.userID = caller.userID
        record.key = key
        record.requestHash = requestHash
        record.state = "in_progress"
        record.createdAt = req.bank.clock.now()
        do {
            try await record.create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await replay(key: key, userID: caller.userID, requestHash: requestHash, req: req)
        }
        let response: Response
        do {
            response = try await operation()
        } catch {
            let problem = ProblemMiddleware.classify(error)
            // A server error is not an answer: the key is released so the client can retry.
            if problem.status.code >= 500 {
                try? await record.delete(on: req.db)
                throw error
            }
            response = try ProblemMiddleware(localizer: req.bank.localizer).problemResponse(for: problem, request: req)
        }
        record.state = "completed"
        record.responseStatus = Int(response.status.code)
        record.responseBody = response.body.data ?? Data(response.body.buffer?.readableBytesView ?? ByteBuffer().readableBytesView)
        try await record.save(on: req.db)
        return response
    }

    /// The same JSON with its keys in another order is the same request: compare canonical forms.
    static func canonical(_ body: Data) -> Data {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return body }
        return canonical
    }

    private func replay(key: String, userID: UUID, requestHash: String, req: Request) async throws -> Response {
        guard let existing = try await IdempotencyRecord.query(on: req.db).filter(\.$userID == userID).filter(\.$key == key).first() else {
            throw BankError.conflict
        }
        guard existing.requestHash == requestHash else { throw BankError(status: .unprocessableEntity, code: "idempotency_key_reused") }
        guard existing.state == "completed", let status = existing.responseStatus else {
            throw BankError(status: .conflict, code: "idempotency_in_progress")
        }
        let response = Response(status: HTTPResponseStatus(statusCode: status), body: .init(data: existing.responseBody ?? Data()))
        response.headers.contentType =
            status >= 400 ? HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"]) : .json
        response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return response
    }
}
