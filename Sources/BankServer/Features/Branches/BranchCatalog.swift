import Fluent
import Foundation

/// Staff changes to the branch list (§2.3.1), each audited with the branch code (branches are not personal data).
/// Codes are unique: a second branch with the same code is `branch_code_taken`.
struct BranchCatalog: Sendable {
    let services: BankServices

    static let codeTaken = BankError(status: .conflict, code: .branchCodeTaken)

    func create(_ draft: BranchDraft, by staffID: UUID?, on database: any Database) async throws -> Branch {
        try await Self.mappingDuplicateCode {
            try await database.transaction { tx in
                guard try await Branch.query(on: tx).filter(\.$code == draft.code).first() == nil else { throw Self.codeTaken }
                let branch = Branch()
                draft.apply(to: branch, at: services.clock.now())
                try await branch.create(on: tx)
                try await audit(.branchCreated, branch, by: staffID, on: tx)
                return branch
            }
        }
    }

    func update(_ id: UUID, _ draft: BranchDraft, by staffID: UUID?, on database: any Database) async throws -> Branch {
        try await Self.mappingDuplicateCode {
            try await database.transaction { tx in
                guard let branch = try await Branch.find(id, on: tx) else { throw BankError.notFound }
                if let holder = try await Branch.query(on: tx).filter(\.$code == draft.code).first(), holder.id != id { throw Self.codeTaken }
                draft.apply(to: branch, at: services.clock.now())
                try await branch.update(on: tx)
                try await audit(.branchUpdated, branch, by: staffID, on: tx)
                return branch
            }
        }
    }

    func delete(_ id: UUID, by staffID: UUID?, on database: any Database) async throws {
        try await database.transaction { tx in
            guard let branch = try await Branch.find(id, on: tx) else { throw BankError.notFound }
            try await branch.delete(on: tx)
            try await audit(.branchDeleted, branch, by: staffID, on: tx)
        }
    }

    /// The CSV import: creates or updates each draft by its code, all in one transaction (all or nothing).
    func upsert(_ drafts: [BranchDraft], by staffID: UUID?, on database: any Database) async throws -> (created: Int, updated: Int) {
        try await Self.mappingDuplicateCode { try await upsertInOneTransaction(drafts, by: staffID, on: database) }
    }

    private func upsertInOneTransaction(_ drafts: [BranchDraft], by staffID: UUID?, on database: any Database) async throws -> (Int, Int) {
        try await database.transaction { tx in
            var existing: [String: Branch] = [:]
            let codes = drafts.map(\.code)
            for start in stride(from: 0, to: codes.count, by: 500) {
                let chunk = Array(codes[start..<min(codes.count, start + 500)])
                for branch in try await Branch.query(on: tx).filter(\.$code ~~ chunk).all() { existing[branch.code] = branch }
            }
            let now = services.clock.now()
            var created = 0
            for draft in drafts {
                let branch = existing[draft.code] ?? Branch()
                let isNew = branch.id == nil
                draft.apply(to: branch, at: now)
                try await branch.save(on: tx)
                if isNew { created += 1 }
            }
            try await AuditLog.record(
                .branchImported,
                actor: staffID,
                subject: .branches,
                details: ["created": String(created), "updated": String(drafts.count - created)],
                at: now,
                on: tx
            )
            return (created, drafts.count - created)
        }
    }

    private func audit(_ event: AuditEvent, _ branch: Branch, by staffID: UUID?, on database: any Database) async throws {
        try await AuditLog.record(
            event,
            actor: staffID,
            subject: .branch(try branch.requireID()),
            details: ["code": branch.code],
            at: services.clock.now(),
            on: database
        )
    }

    /// Two staff creating the same code at once: the unique index refuses the second, which gets the same answer.
    private static func mappingDuplicateCode<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw codeTaken
        }
    }
}
