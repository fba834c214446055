import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// `Idempotency-Key` for state-changing calls: the first answer is stored and replayed to every retry; a
/// duplicate arriving while the first is still running gets 409 with `Retry-After`; the same key with another
/// body gets 422. The key is claimed by a unique insert, so two processes cannot both run the operation.
///
/// Crash safety (issue 10): the claim is a lease. A process killed mid-request leaves its key `in_progress`;
/// once the lease has run out, the next retry reclaims the key by a conditional update and runs the operation
/// again. Every operation behind a key is itself conditional (a signature slot, a status claimed from the status
/// read, a ledger leg that cannot overdraw), so the rerun moves money at most once and its answer says what
/// happened; that answer is then stored and replayed. Stored answers are sealed (they carry names, IBANs and
/// IINs) and purged after 7 days (`RetentionJob`).
struct IdempotencyGuard: Sendable {
    static let header = "Idempotency-Key"
    /// Longer than any request runs: the server's own request timeout is far shorter.
    static let lease: TimeInterval = 60

    func run(_ req: Request, operation: @Sendable () async throws -> Response) async throws -> Response {
        guard let key = req.headers.first(name: Self.header) else { return try await operation() }
        guard (1...128).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw BankError.validation([FieldViolation(field: Self.header, code: .invalidValue)])
        }
        let caller = try req.caller
        let requestHash = Self.requestHash(
            method: req.method.rawValue,
            path: req.url.path,
            body: req.body.data.map { Data($0.readableBytesView) } ?? Data()
        )
        let record = IdempotencyRecord()
        record.id = UUID()
        record.userID = caller.userID
        record.key = key
        record.requestHash = requestHash
        record.state = "in_progress"
        let now = req.bank.clock.now()
        record.createdAt = now
        record.leaseUntil = now.addingTimeInterval(Self.lease)
        do {
            try await record.create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            guard let reclaimed = try await replayOrReclaim(key: key, userID: caller.userID, requestHash: requestHash, req: req) else {
                throw BankError.internalError
            }
            switch reclaimed {
            case .answer(let response): return response
            case .reclaimed(let existing): return try await run(existing, req: req, operation: operation)
            }
        }
        return try await run(record, req: req, operation: operation)
    }

    private func run(_ record: IdempotencyRecord, req: Request, operation: @Sendable () async throws -> Response) async throws -> Response {
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
        if req.storage[StepUpChallengedKey.self] == true {
            try await record.delete(on: req.db)
            return response
        }
        record.state = "completed"
        record.responseStatus = Int(response.status.code)
        let body = response.body.data ?? Data(response.body.buffer?.readableBytesView ?? ByteBuffer().readableBytesView)
        record.responseBody = try req.bank.cipher.seal(body, with: req.bank.cipher.keys.systemData, context: Self.context(try record.requireID()))
        record.leaseUntil = nil
        try await record.save(on: req.db)
        return response
    }

    static func context(_ id: UUID) -> PersonalDataCipher.Context { .init(table: "idempotency_keys", column: "response_body", row: id) }

    /// What a key is bound to: method, path and the canonical body.
    static func requestHash(method: String, path: String, body: Data) -> String {
        SHA256.hash(data: Data("\(method) \(path)\n".utf8) + canonical(body)).hexString
    }

    /// The same JSON with its keys in another order is the same request: compare canonical forms.
    static func canonical(_ body: Data) -> Data {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let canonical = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return body }
        return canonical
    }

    private enum Found {
        case answer(Response)
        case reclaimed(IdempotencyRecord)
    }

    private func replayOrReclaim(key: String, userID: UUID, requestHash: String, req: Request) async throws -> Found? {
        guard let existing = try await IdempotencyRecord.query(on: req.db).filter(\.$userID == userID).filter(\.$key == key).first() else {
            throw BankError.conflict
        }
        guard existing.requestHash == requestHash else { throw BankError(status: .unprocessableEntity, code: .idempotencyKeyReused) }
        guard existing.state == "completed", let status = existing.responseStatus else {
            let now = req.bank.clock.now()
            // the owner died (or is past any request's life): take the key over, exactly one retry wins the update
            if let lease = existing.leaseUntil, lease < now, let sql = req.db as? any SQLDatabase,
                try await sql.update(IdempotencyRecord.schema).set("lease_until", to: now.addingTimeInterval(Self.lease))
                    .where("id", .equal, try existing.requireID()).where("state", .equal, "in_progress").where("lease_until", .equal, lease)
                    .returning("id").first() != nil
            {
                existing.leaseUntil = now.addingTimeInterval(Self.lease)
                return .reclaimed(existing)
            }
            let wait = max(1, Int((existing.leaseUntil ?? now).timeIntervalSince(now).rounded(.up)))
            throw BankError(status: .conflict, code: .idempotencyInProgress, retryAfterSeconds: wait)
        }
        let stored = existing.responseBody ?? Data()
        let cipher = req.bank.cipher
        // answers stored before sealing (issue 10) are read as they are until the 7-day purge removes them
        let body = (try? cipher.open(stored, with: cipher.keys.systemData, context: Self.context(try existing.requireID()))) ?? stored
        let response = Response(status: HTTPResponseStatus(statusCode: status), body: .init(data: body))
        response.headers.contentType =
            status >= 400 ? HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"]) : .json
        response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return .answer(response)
    }
}
