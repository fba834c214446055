import BankAPI
import BankCore
import Fluent
import Foundation

/// Requests about one's personal data (Law 94-V art. 24–25; §4.1): recorded with the legal deadline in working
/// days, visible to the subject with their status, worked by the responsible person (staff API or `bizbank privacy
/// requests`), and the subject is told by a security notice (in-app and SMS) when each is completed or refused.
struct PrivacyRequestService: Sendable {
    let services: BankServices

    struct Handler: Sendable {
        let staffID: UUID?
        /// `privacy_officer`, or `operator_cli` for the command line.
        let role: String
    }

    /// What the person asks; `field`, `companyID` and `value` belong to a `correction` only.
    struct Submission: Sendable {
        var kind: PrivacyRequest.Kind
        var field: String?
        var companyID: UUID?
        var value: String?
    }

    /// Records a request; while one of the same kind is open, returns that one.
    func submit(_ kind: PrivacyRequest.Kind, userID: UUID, on database: any Database) async throws -> PrivacyRequest {
        try await submit(Submission(kind: kind), userID: userID, on: database)
    }

    /// Validates and records a request (every bad field reported, nothing stored on error); while one of the same
    /// kind (for a correction: the same field and company) is open, returns that one. `staff` records a request
    /// the person made by another channel.
    func submit(
        _ submission: Submission,
        userID: UUID,
        recordedBy staff: StaffMember? = nil,
        on database: any Database
    ) async throws
        -> PrivacyRequest
    {
        guard let user = try await User.find(userID, on: database), user.status != .destroyed, user.status != .pending else {
            throw BankError.notFound
        }
        var validator = FieldValidator()
        var checked: IdentityCorrection.Checked?
        switch submission.kind {
        case .correction:
            checked = try await IdentityCorrection(services: services).check(submission, user: user, validator: &validator, on: database)
        case .unblock where user.status != .dataBlocked:
            validator.add("kind", .notBlocked)
        default:
            if submission.field != nil { validator.add("field", .notAllowed) }
            if submission.companyID != nil { validator.add("companyId", .notAllowed) }
            if submission.value != nil { validator.add("value", .notAllowed) }
        }
        try validator.throwIfInvalid()
        let correction = checked
        let kind = submission.kind
        let open = try await PrivacyRequest.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$kind == kind).filter(\.$status == .received).all()
        if let same = open.first(where: { $0.field == correction?.field && $0.companyID == correction?.companyID }) { return same }
        let now = services.clock.now()
        let request = PrivacyRequest()
        request.id = UUID()
        request.$user.id = userID
        request.kind = kind
        request.status = .received
        request.receivedAt = now
        // art. 25: information within its own (longer) deadline; an action on the data within the action deadline
        let days = kind.isInformation ? services.config.privacyInformationWorkingDays : services.config.privacyActionWorkingDays
        request.dueAt = services.workingCalendar.endOfWorkingDay(after: now, workingDays: days)
        if let correction {
            request.field = correction.field
            request.companyID = correction.companyID
            request.newValue = try await IdentityCorrection(services: services).seal(
                correction.value,
                for: user,
                request: try request.requireID(),
                on: database
            )
        }
        try await database.transaction { tx in
            try await request.create(on: tx)
            var details = ["kind": kind.rawValue]
            if let field = correction?.field { details["field"] = field.rawValue }
            if let staff { details["recorded_by"] = staff.role.rawValue }
            try await AuditLog.record(
                .privacyRequestReceived,
                actor: staff?.id ?? userID,
                subject: .privacyRequest(try request.requireID()),
                details: details,
                at: now,
                on: tx
            )
        }
        return request
    }

    /// Art. 24–25 for a person whose data is blocked, who cannot sign in: a code goes to the phone only when its data
    /// is blocked; the answer is the same either way, so it tells no one whether a number banks here or is blocked.
    func startUnblock(phone raw: String, ip: String, language: Language, on database: any Database) async throws -> OtpChallenge {
        var validator = FieldValidator()
        let phone = validator.parse("phone") { try PhoneNumber(raw) }
        try validator.throwIfInvalid()
        guard let phone else { throw BankError.internalError }
        try await services.rateLimiter.hit(
            .init(name: "unblock-ip", limit: services.security.signInPerIPPerMinute, windowSeconds: 60),
            key: ip,
            on: database
        )
        let user = try await User.query(on: database).filter(\.$phoneIndex == services.vault.phoneIndex(phone)).first()
        let blocked = user?.status == .dataBlocked
        return try await database.transaction { tx in
            try await services.otp.issue(
                purpose: .privacyUnblock,
                userID: blocked ? user?.id : nil,
                phone: phone,
                binding: blocked ? (user?.id?.uuidString ?? "decoy") : "decoy",
                context: .init(language: language),
                sendSMS: blocked,
                on: tx
            )
        }
    }

    /// The code proves the phone: the unblock request is recorded for the officer (who completes or refuses it).
    func confirmUnblock(challengeID: UUID, code: String, on database: any Database) async throws -> PrivacyRequest {
        let challenge = try await services.otp.verify(challengeID: challengeID, code: code, purpose: .privacyUnblock, on: database)
        guard let userID = challenge.userID else { throw BankError.otpInvalid }
        return try await submit(Submission(kind: .unblock), userID: userID, on: database)
    }

    /// Carries the request out: a block stops all processing and sign-in; an unblock lifts a data block (and only
    /// that); a destruction crypto-shreds the subject; a correction changes the IIN or the company's name. The person
    /// is told in the same transaction.
    func complete(_ id: UUID, by handler: Handler, on database: any Database) async throws -> PrivacyRequest {
        try await database.transaction { tx in
            let request = try await open(id, on: tx)
            // a destroyed person's other open requests can only be refused (there is nothing left to act on)
            guard let user = try await User.find(request.$user.id, on: tx), user.status != .destroyed else { throw BankError.notFound }
            let userID = try user.requireID()
            switch request.kind {
            case .block:
                user.status = .dataBlocked
                user.blockedAt = services.clock.now()
                try await user.save(on: tx)
                try await services.sessions.revokeAll(userID: userID, reason: "personal_data_blocked", on: tx)
            case .unblock:
                try await lift(user, on: tx)
            case .destroy:
                // the person is told once more, by SMS only: after this there is no inbox and no key to read the phone
                let phone = try await services.vault.open(user, on: tx).phone
                let language = try await NotificationPreferences(services: services).current(userID, on: tx).language ?? .kk
                try await PersonalDataShredder(services: services).destroy(user, on: tx)
                try await SMSOutbox(services: services).enqueueSecurityNotice(
                    "notification.privacy_request_completed",
                    parameters: ["kind": services.localizer.text("privacy.request_kind.destroy", language)],
                    to: phone,
                    userID: nil,
                    language: language,
                    on: tx
                )
            case .information:
                break
            case .correction:
                try await IdentityCorrection(services: services).apply(request, to: user, by: handler, on: tx)
            }
            try await close(request, status: .completed, refusal: nil, by: handler, on: tx)
            if request.kind != .destroy { try await tell(user, request, outcome: "notification.privacy_request_completed", on: tx) }
            return request
        }
    }

    /// A reasoned refusal (art. 25): the reason is shown to the subject, who is told; nothing else changes.
    func refuse(_ id: UUID, reason: String, by handler: Handler, on database: any Database) async throws -> PrivacyRequest {
        var validator = FieldValidator()
        let reason = validator.require("reason", reason, maxLength: 1000)
        try validator.throwIfInvalid()
        return try await database.transaction { tx in
            let request = try await open(id, on: tx)
            try await close(request, status: .refused, refusal: reason, by: handler, on: tx)
            if let user = try await User.find(request.$user.id, on: tx) {
                try await tell(user, request, outcome: "notification.privacy_request_refused", on: tx)
            }
            return request
        }
    }

    /// Lifts a data block, only a data block: a conditional update on the status, so a §5.2 block or anything else
    /// that changed meanwhile is never turned into `active`.
    private func lift(_ user: User, on database: any Database) async throws {
        let userID = try user.requireID()
        guard user.status == .dataBlocked else { throw BankError.subjectNotBlocked }
        try await User.query(on: database).filter(\.$id == userID).filter(\.$status == .dataBlocked)
            .set(\.$status, to: .active).set(\.$blockedAt, to: nil).update()
        guard let lifted = try await User.find(userID, on: database), lifted.status == .active else { throw BankError.subjectNotBlocked }
        user.status = .active
        user.blockedAt = nil
    }

    /// The person learns the outcome of their request: a security notice (always on, in-app and SMS), which a data
    /// block lets through; a destroyed person has no one left to tell.
    private func tell(_ user: User, _ request: PrivacyRequest, outcome key: String, on database: any Database) async throws {
        guard user.status != .destroyed, user.status != .pending else { return }
        var parameters: [String: String] = [:]
        for language in Language.allCases {
            parameters["kind." + language.rawValue] = services.localizer.text("privacy.request_kind.\(request.kind.rawValue)", language)
        }
        try await NotificationService(services: services).notify(
            user,
            .security,
            NotificationMessage(key: key, parameters: parameters),
            channels: NotificationPreferences.security,
            on: database
        )
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
    /// An unblock request for a person whose data is not blocked (any more).
    static let subjectNotBlocked = BankError(status: .conflict, code: .privacySubjectNotBlocked)
}

extension PrivacyRequest {
    /// Still open after its deadline (art. 25).
    func isOverdue(at now: Date) -> Bool { status == .received && dueAt < now }

    /// `newValue` only for the officer who reviews a correction.
    func view(at now: Date? = nil, newValue: String? = nil) throws -> PrivacyRequestView {
        PrivacyRequestView(
            id: try requireID(),
            kind: kind.rawValue,
            status: status.rawValue,
            receivedAt: receivedAt,
            dueAt: dueAt,
            closedAt: closedAt,
            handlerRole: handlerRole,
            refusalReason: refusalReason,
            overdue: now.map(isOverdue(at:)) ?? false,
            field: field?.rawValue,
            companyId: companyID,
            newValue: newValue
        )
    }
}
