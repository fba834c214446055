import BankCore
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

    /// DOMAIN.md roles, one type with BankCore's signing rule.
    typealias Role = CompanyRole
}

extension Membership.Role {
    /// DOMAIN.md two-signature scheme (`SigningRule.slot(for:)`): operators and viewers never sign.
    func signatureSlot() throws -> String {
        guard let slot = SigningRule.slot(for: self) else { throw BankError(status: .forbidden, code: .signatureNotAllowed) }
        return slot.rawValue
    }
}
