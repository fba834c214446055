import BankAPI
import Fluent
import Vapor

/// Staff manage the branch list: `POST /staff/branches`, `PUT` and `DELETE /staff/branches/{branchId}`.
/// Support or the privacy officer (branch data is public information; no client data is touched).
enum StaffBranchesController {
    static func create(req: Request) async throws -> Reply<BranchRecord> {
        let staff = try req.staff
        let draft = try BranchDraft.validate(try req.decodeBody(BranchInput.self))
        let branch = try await BranchCatalog(services: req.bank).create(draft, by: staff.id, on: req.db)
        return .created(try branch.record())
    }

    static func update(req: Request) async throws -> BranchRecord {
        let staff = try req.staff
        let id = try req.parameter(.branchId)
        let draft = try BranchDraft.validate(try req.decodeBody(BranchInput.self))
        return try await BranchCatalog(services: req.bank).update(id, draft, by: staff.id, on: req.db).record()
    }

    static func delete(req: Request) async throws -> HTTPStatus {
        let staff = try req.staff
        try await BranchCatalog(services: req.bank).delete(try req.parameter(.branchId), by: staff.id, on: req.db)
        return .noContent
    }
}
