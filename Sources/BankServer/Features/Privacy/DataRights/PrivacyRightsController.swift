import BankAPI
import Fluent
import Vapor

/// The data subject's rights (Law 94-V art. 24–25) from the app, and the responsible person's side of them.
enum PrivacyRightsController {
    /// `GET /me/privacy/export[?format=html]`: allowed before accepting a new policy edition (§6.2).
    static func export(req: Request) async throws -> Reply<PersonalDataExport> {
        let caller = try req.caller
        let export = try await PersonalDataExporter(services: req.bank).export(caller.user, language: req.language, on: req.db)
        try await AuditLog.record(.privacyExported, actor: caller.userID, subject: .user(caller.userID), at: req.bank.clock.now(), on: req.db)
        let wantsHTML = (try? req.query.get(String.self, at: "format")) == "html"
        if wantsHTML {
            return .page(try PersonalDataExportPage.html(export, language: req.language, localizer: req.bank.localizer))
                .with(.contentLanguage, req.language.rawValue).with(.cacheControl, "no-store")
        }
        return Reply(export).with(.cacheControl, "no-store")
    }

    /// `POST /me/privacy/requests`: allowed before accepting a new policy edition (§6.2).
    static func submit(req: Request) async throws -> Reply<PrivacyRequestView> {
        let caller = try req.caller
        let body = try req.content.decode(SubmitPrivacyRequest.self)
        guard let kind = PrivacyRequest.Kind(rawValue: body.kind) else { throw BankError.validation([.init(field: "kind", code: .invalidValue)]) }
        let submission = PrivacyRequestService.Submission(kind: kind, field: body.field, companyID: body.companyId, value: body.value)
        let request = try await PrivacyRequestService(services: req.bank).submit(submission, userID: caller.userID, on: req.db)
        return .created(try request.view(at: req.bank.clock.now()))
    }

    static func list(req: Request) async throws -> PrivacyRequestList {
        let caller = try req.caller
        let requests = try await PrivacyRequest.query(on: req.db).filter(\.$user.$id == caller.userID).sort(\.$receivedAt, .descending).all()
        let now = req.bank.clock.now()
        return PrivacyRequestList(items: try requests.map { try $0.view(at: now) })
    }

    /// `POST /privacy/unblock-requests/start`: from the sign-in screen; the same answer whether or not the phone's
    /// data is blocked.
    static func startUnblock(req: Request) async throws -> Reply<ChallengeStarted> {
        let body = try req.decodeBody(PrivacyUnblockStart.self)
        let challenge = try await PrivacyRequestService(services: req.bank).startUnblock(
            phone: body.phone,
            ip: req.clientIP,
            language: req.language,
            on: req.db
        )
        return .accepted(ChallengeStarted(challengeId: try challenge.requireID(), expiresAt: challenge.expiresAt))
    }

    /// `POST /privacy/unblock-requests/confirm`: the code records the unblock request (201).
    static func confirmUnblock(req: Request) async throws -> Reply<PrivacyRequestView> {
        let body = try req.decodeBody(OtpAnswer.self)
        let request = try await PrivacyRequestService(services: req.bank).confirmUnblock(challengeID: body.challengeId, code: body.code, on: req.db)
        return .created(try request.view(at: req.bank.clock.now()))
    }

    // MARK: staff

    /// `GET /staff/privacy/requests[?status=received][&overdue=true]`: the work queue, nearest deadline first; every
    /// item says whether it is overdue, and `overdue=true` keeps only the open requests past their deadline.
    static func staffList(req: Request) async throws -> PrivacyRequestList {
        let staff = try req.staff
        let now = req.bank.clock.now()
        var query = PrivacyRequest.query(on: req.db)
        var validator = FieldValidator()
        if let raw = try? req.query.get(String.self, at: "status") {
            if let status = PrivacyRequest.Status(rawValue: raw) {
                query = query.filter(\.$status == status)
            } else {
                validator.add("status", .invalidValue)
            }
        }
        if let raw = try? req.query.get(String.self, at: "overdue") {
            switch raw {
            case "true": query = query.filter(\.$status == .received).filter(\.$dueAt < now)
            case "false": break
            default: validator.add("overdue", .invalidValue)
            }
        }
        try validator.throwIfInvalid()
        let requests = try await query.sort(\.$dueAt).limit(500).with(\.$user).all()
        let correction = IdentityCorrection(services: req.bank)
        let reader = StaffDataReader(services: req.bank)
        var items: [PrivacyRequestView] = []
        for request in requests {
            var newValue: String?
            // the officer reviews an open correction against its new value; showing a new IIN is a recorded read
            if request.status == .received, let sealed = request.newValue, let id = request.id {
                newValue = try? await correction.open(sealed, for: request.user, request: id, on: req.db)
                if newValue != nil, request.field == .iin {
                    try await reader.recordAccess(to: request.$user.id, reason: "privacy_request_review", by: staff, on: req.db)
                }
            }
            items.append(try request.view(at: now, newValue: newValue))
        }
        return PrivacyRequestList(items: items)
    }

    /// `POST /staff/privacy/requests`: a request the person made in writing, at a branch or through 7711, recorded on
    /// their behalf. A correction needs the person's own submission (its value is checked against their session).
    static func staffSubmit(req: Request) async throws -> Reply<PrivacyRequestView> {
        let staff = try req.staff
        let body = try req.content.decode(StaffSubmitPrivacyRequest.self)
        guard let kind = PrivacyRequest.Kind(rawValue: body.kind), kind != .correction else {
            throw BankError.validation([.init(field: "kind", code: .invalidValue)])
        }
        let request = try await PrivacyRequestService(services: req.bank).submit(
            .init(kind: kind),
            userID: body.userId,
            recordedBy: staff,
            on: req.db
        )
        return .created(try request.view(at: req.bank.clock.now()))
    }

    static func staffComplete(req: Request) async throws -> PrivacyRequestView {
        let staff = try req.staff
        let handler = PrivacyRequestService.Handler(staffID: staff.id, role: staff.role.rawValue)
        return try await PrivacyRequestService(services: req.bank).complete(try req.parameter(.requestId), by: handler, on: req.db).view()
    }

    static func staffRefuse(req: Request) async throws -> PrivacyRequestView {
        let staff = try req.staff
        let body = try req.content.decode(RefusePrivacyRequest.self)
        let handler = PrivacyRequestService.Handler(staffID: staff.id, role: staff.role.rawValue)
        return try await PrivacyRequestService(services: req.bank).refuse(
            try req.parameter(.requestId),
            reason: body.reason,
            by: handler,
            on: req.db
        ).view()
    }

    /// `GET /staff/users/{userId}?reason=…[&legalBasis=…]`: a recorded read of one client's personal data; while
    /// their data is blocked (Law 94-V art. 24–25) only with the law that still requires it.
    static func staffReadUser(req: Request) async throws -> StaffUserView {
        let staff = try req.staff
        let reason = (try? req.query.get(String.self, at: "reason")) ?? ""
        let legalBasis = try? req.query.get(String.self, at: "legalBasis")
        return try await StaffDataReader(services: req.bank).read(
            userID: try req.parameter(.userId),
            reason: reason,
            legalBasis: legalBasis,
            by: staff,
            on: req.db
        )
    }
}
