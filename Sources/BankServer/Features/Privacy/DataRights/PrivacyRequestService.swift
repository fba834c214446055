import BankAPI
import Fluent
import Foundation

/// Block and destroy requests (Law 94-V art. 24–25): recorded with the legal deadline in working days, visible
/// to the subject with their status, and worked by the responsible person (staff API or `bizbank privacy requests`).
struct PrivacyRequestService: Sendable {
    let services: BankServices

    struct Handler: Sendable {
        let staffID: UUID?
        /// `privacy_officer`, or `operator_cli` for the command line.
        let role: String
    }

    /// Records a request; while one of the same kind is open, returns that one.
    func submit(_ kind: PrivacyRequest.Kind, userID: UUID, on database: any Database) async throws -> PrivacyRequest {
        if let open = try await PrivacyRequest.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$kind == kind).filter(\.$status == .received).first()
        {
            return open
        }
        let now = services.clock.now()
        let request = PrivacyRequest()
        request.$user.id = userID
        request.kind = kind
        request.status = .received
        request.receivedAt = now
        request.dueAt = services.workingCalendar.endOfWorkingDay(after: now, workingDays: services.config.privacyActionWorkingDays)
        try await database.transaction { tx in
            try await request.create(on: tx)
            try await AuditLog.record(
                .privacyRequestReceived,
                actor: userID,
                subject: .privacyRequest(try request.requireID()),
                details: ["kind": kind.rawValue],
                at: now,
                on: tx
            )
        }
        return request
    }

    /// Carries the request out: a block stops all processing and sign-in; a destruction crypto-shreds the subject.
    func complete(_ id: UUID, by handler: Handler, on database: any Database) async throws -> PrivacyRequest {
        try await database.transaction { tx in
            let request = try await open(id, on: tx)
            guard let user = try await User.find(request.$user.id, on: tx) else { throw BankError.notFound }
            switch request.kind {
            case .block:
                user.status = .dataBlocked
                user.blockedAt = services.clock.now()
                try await user.save(on: tx)
                try await services.sessions.revokeAll(userID: try user.requireID(), reason: "personal_data_blocked", on: tx)
            case .destroy:
                try await PersonalDataShredder(services: services).destroy(user, on: tx)
            }
            try await close(request, status: .completed, refusal: nil, by: handler, on: tx)
            return request
        }
    }

    /// A reasoned refusal (art. 25): the reason is shown to the subject.
    func refuse(_ id: UUID, reason: String, by handler: Handler, on database: any Database) async throws -> PrivacyRequest {
        var validator = FieldValidator()
        let reason = validator.require("reason", reason, maxLength: 1000)
        try validator.throwIfInvalid()
        return try await database.transaction { tx in
            let request = try await open(id, on: tx)
            try await close(request, status: .refused, refusal: reason, by: handler, on: tx)
            return request
        }
    }

    private func open(_ id: UUID, on database: any Database) async throws -> PrivacyRequest {
        guard let request = try await PrivacyRequest.find(id, on: database) else { throw BankError.notFound }
        guard request.status == .received else { throw BankError.privacyRequestClosed }
        return request
    }

    private func close(
        _ request: PrivacyRequest,
        status: PrivacyRequest.Status,
        refusal: String?,
        by handler: Handler,
        on database: any Database
    )
        async throws
    {
        // A conditional update: two staff members closing the same request cannot both win.
        let closed = try await PrivacyRequest.query(on: database)
            .filter(\.$id == request.requireID()).filter(\.$status == .received)
            .set(\.$status, to: status).set(\.$closedAt, to: services.clock.now())
            .set(\.$handledBy, to: handler.staffID).set(\.$handlerRole, to: handler.role).set(\.$refusalReason, to: refusal)
            .update()
        _ = closed
        request.status = status
        request.closedAt = services.clock.now()
        request.handledBy = handler.staffID
        request.handlerRole = handler.role
        request.refusalReason = refusal
        try await AuditLog.record(
            status == .refused ? .privacyRequestRefused : .privacyRequestCompleted,
            actor: handler.staffID,
            subject: .privacyRequest(try request.requireID()),
            details: ["kind": request.kind.rawValue, "role": handler.role],
            at: services.clock.now(),
            on: database
        )
    }
}

extension BankError {
    static let privacyRequestClosed = BankError(status: .conflict, code: .privacyRequestClosed)
}

extension PrivacyRequest {
    func view() throws -> PrivacyRequestView {
        PrivacyRequestView(
            id: try requireID(),
            kind: kind.rawValue,
            status: status.rawValue,
            receivedAt: receivedAt,
            dueAt: dueAt,
            closedAt: closedAt,
            handlerRole: handlerRole,
            refusalReason: refusalReason
        )
    }
}
