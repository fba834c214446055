import Fluent
import Foundation

/// A person's role in a company; every company-scoped query goes through it.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "user_id") var user: User
    @Parent(key: "company_id") var company: Company

    @Enum(key: "role") var role: Role

    init() {}

    init(userID: UUID, companyID: UUID, role: Role) {
        self.$user.id = userID
        self.$company.id = companyID
        self.role = role
    }

    /// DOMAIN.md: director signs first, accountant second, operator drafts, viewer reads.
    enum Role: String, Codable, Sendable, CaseIterable {
        case director, accountant, `operator`, viewer
    }
}

extension Membership.Role {
    /// DOMAIN.md two-signature scheme: the director gives the first signature, the accountant the second;
    /// operators and viewers never sign.
    func signatureSlot() throws -> String {
        switch self {
        case .director: "first"
        case .accountant: "second"
        case .operator, .viewer: throw BankError(status: .forbidden, code: "signature_not_allowed")
        }
    }
}
