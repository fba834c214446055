import BankAPI
import BankCore
import Fluent
import Vapor

/// The company's people: invitations and roles (director), the employee list (every member), and the invited
/// person's own invitations (signed in). The activation of a new person's account is `InvitationActivationController`.
enum EmployeesController {
    static func invite(req: Request) async throws -> Reply<EmployeeInvitationView> {
        let companyID = try req.parameter(.companyId)
        return try await StepUp.replying(req) {
            let body = try req.decodeBody(EmployeeInvitationRequest.self)
            let invitation = try await req.bank.employees.invite(
                companyID: companyID,
                caller: try req.caller,
                request: body,
                language: req.language,
                stepUp: try StepUp.Proof(req, action: .invitation, scope: companyID),
                on: req.db
            )
            try await StepUp(services: req.bank).announce(.invitation, companyID: companyID, actor: try req.caller.userID, on: req.db)
            return .created(try await req.bank.employees.view(invitation, on: req.db))
        }
    }

    /// The director's own step-up for a change to a colleague (issue 10, review H3); the route's group let only a
    /// director through.
    private static func directorStepUp(_ req: Request, _ action: StepUp.Action, companyID: UUID) async throws {
        try await StepUp(services: req.bank).check(try StepUp.Proof(req, action: action, scope: companyID), action: action, on: req.db)
    }

    static func invitations(req: Request) async throws -> ListPage<EmployeeInvitationView> {
        let items = try await req.bank.employees.invitations(companyID: try req.parameter(.companyId), caller: try req.caller, on: req.db)
        return ListPage(items: try await req.bank.employees.views(items, on: req.db), nextCursor: nil)
    }

    static func revoke(req: Request) async throws -> HTTPStatus {
        try await req.bank.employees.revoke(
            companyID: try req.parameter(.companyId),
            invitationID: try req.parameter(.invitationId),
            caller: try req.caller,
            on: req.db
        )
        return .noContent
    }

    static func employees(req: Request) async throws -> ListPage<EmployeeView> {
        let items = try await req.bank.employees.employees(membership: try req.membership, on: req.db)
        return ListPage(items: items, nextCursor: nil)
    }

    static func changeRole(req: Request) async throws -> Reply<EmployeeView> {
        let companyID = try req.parameter(.companyId)
        let userID = try req.parameter(.userId)
        let body = try req.decodeBody(EmployeeRoleChange.self)
        return try await StepUp.replying(req) {
            try await directorStepUp(req, .roleChange, companyID: companyID)
            let service = req.bank.employees
            let membership = try await service.changeRole(companyID: companyID, userID: userID, role: body.role, caller: try req.caller, on: req.db)
            try await StepUp(services: req.bank).announce(.roleChange, companyID: companyID, actor: try req.caller.userID, on: req.db)
            return Reply(try await service.view(membership, user: try await membership.$user.get(on: req.db), on: req.db))
        }
    }

    static func remove(req: Request) async throws -> Response {
        let companyID = try req.parameter(.companyId)
        return try await StepUp.answering(req) {
            try await directorStepUp(req, .removal, companyID: companyID)
            try await req.bank.employees.remove(companyID: companyID, userID: try req.parameter(.userId), caller: try req.caller, on: req.db)
            try await StepUp(services: req.bank).announce(.removal, companyID: companyID, actor: try req.caller.userID, on: req.db)
            return Response(status: .noContent)
        }
    }

    static func mine(req: Request) async throws -> ListPage<EmployeeInvitationView> {
        let items = try await InvitationAcceptance(services: req.bank).mine(caller: try req.caller, on: req.db)
        return ListPage(items: try await req.bank.employees.views(items, on: req.db), nextCursor: nil)
    }

    static func accept(req: Request) async throws -> EmployeeInvitationView {
        let invitation = try await InvitationAcceptance(services: req.bank).accept(
            try req.parameter(.invitationId),
            caller: try req.caller,
            on: req.db
        )
        return try await req.bank.employees.view(invitation, on: req.db)
    }

    static func decline(req: Request) async throws -> EmployeeInvitationView {
        let invitation = try await InvitationAcceptance(services: req.bank).decline(
            try req.parameter(.invitationId),
            caller: try req.caller,
            on: req.db
        )
        return try await req.bank.employees.view(invitation, on: req.db)
    }
}

extension EmployeeInvitationView: Content {}
extension EmployeeView: Content {}
