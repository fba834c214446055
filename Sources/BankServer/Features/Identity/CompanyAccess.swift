import Fluent
import Foundation

/// Company-scoped authorization: every company resource is reached through the caller's membership.
/// A company the caller does not belong to is `not_found`, exactly like one that does not exist, so ids
/// cannot be probed.
struct CompanyAccess: Sendable {
    static func membership(userID: UUID, companyID: UUID, on database: any Database) async throws -> Membership {
        guard let membership = try await IdentityQueries.membership(userID: userID, companyID: companyID, on: database) else {
            throw BankError.notFound
        }
        return membership
    }

    /// The account, if it belongs to a company the caller is a member of.
    static func account(_ accountID: UUID, userID: UUID, on database: any Database) async throws -> (Account, Membership) {
        guard let account = try await Account.find(accountID, on: database), let companyID = account.$company.id else { throw BankError.notFound }
        return (account, try await membership(userID: userID, companyID: companyID, on: database))
    }
}
