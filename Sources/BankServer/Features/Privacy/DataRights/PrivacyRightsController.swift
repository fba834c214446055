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

    static func submit(req: Request) async throws -> Reply<PrivacyRequestView> {
        let caller = try req.caller
        let body = try req.content.decode(SubmitPrivacyRequest.self)
        guard let kind = PrivacyRequest.Kind(rawValue: body.kind) else { throw BankError.validation([.init(field: "kind", code: "invalid_value")]) }
        let request = try await PrivacyRequestService(services: req.bank).submit(kind, userID: caller.userID, on: req.db)
        return .created(try request.view())
    }

    static func list(req: Request) async throws -> PrivacyRequestList {
        let caller = try req.caller
        let requests = try await PrivacyRequest.query(on: req.db).filter(\.$user.$id == caller.userID).sort(\.$receivedAt, .descending).all()
        return PrivacyRequestList(items: try requests.map { try $0.view() })
    }

    // MARK: staff

    /// `GET /staff/privacy/requests[?status=received]`: the work queue, nearest deadline first.
    static func staffList(req: Request) async throws -> PrivacyRequestList {
        _ = try req.staff
        var query = PrivacyRequest.query(on: req.db)
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let status = PrivacyRequest.Status(rawValue: raw) else {
                throw BankError.validation([.init(field: "status", code: "invalid_value")])
            }
            query = query.filter(\.$status == status)
        }
        return PrivacyRequestList(items: try await query.sort(\.$dueAt).limit(500).all().map { try $0.view() })
    }

    static func staffComplete(req: Request) async throws -> PrivacyRequestView {
        let staff = try req.staff
        let handler = PrivacyRequestService.Handler(staffID: staff.id, role: staff.role.rawValue)
        return try await PrivacyRequestService(services: req.bank).complete(try req.uuidParameter("requestId"), by: handler, on: req.db).view()
    }

    static func staffRefuse(req: Request) async throws -> PrivacyRequestView {
        let staff = try req.staff
        let body = try req.content.decode(RefusePrivacyRequest.self)
        let handler = PrivacyRequestService.Handler(staffID: staff.id, role: staff.role.rawValue)
        return try await PrivacyRequestService(services: req.bank).refuse(
            try req.uuidParameter("requestId"),
            reason: body.reason,
            by: handler,
            on: req.db
        ).view()
    }

    /// `GET /staff/users/{userId}?reason=…`: a recorded read of one client's personal data.
    static func staffReadUser(req: Request) async throws -> StaffUserView {
        let staff = try req.staff
        let reason = (try? req.query.get(String.self, at: "reason")) ?? ""
        return try await StaffDataReader(services: req.bank).read(userID: try req.uuidParameter("userId"), reason: reason, by: staff, on: req.db)
    }
}
