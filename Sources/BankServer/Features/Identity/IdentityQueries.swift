import Fluent
import Foundation
import SQLKit

/// Identity's statements that run on every company-scoped request (issue 13: a query has a home; issue 15: a hot
/// read decodes its row column by column into the model, never through Fluent's reflection of the model's fields).
enum IdentityQueries {
    /// The caller's membership of a company, or nil.
    static func membership(userID: UUID, companyID: UUID, on database: any Database) async throws -> Membership? {
        guard let sql = database as? any SQLDatabase else { throw BankError.internalError }
        guard
            let row = try await sql.raw(
                """
                SELECT id, created_at, role FROM memberships
                WHERE user_id = \(bind: userID) AND company_id = \(bind: companyID) LIMIT 1
                """
            ).first()
        else { return nil }
        guard let role = Membership.Role(rawValue: try row.decode(column: "role", as: String.self)) else { throw BankError.internalError }
        let membership = Membership(userID: userID, companyID: companyID, role: role)
        membership.id = try row.decode(column: "id", as: UUID.self)
        membership.createdAt = try row.decode(column: "created_at", as: Date?.self)
        membership.$id.exists = true
        return membership
    }
}
