import Fluent
import Foundation

/// The director's invitation of a person into the company in a role. The person's data (name, IIN, phone,
/// e-mail) is sealed under the invitation's own key and found by blind indexes (§5.1); a membership exists
/// only once the person accepts.
final class EmployeeInvitation: Model, @unchecked Sendable {
    static let schema = "employee_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?

    @Field(key: "company_id") var companyID: UUID
    @Field(key: "invited_by") var invitedBy: UUID
    @OptionalField(key: "user_id") var userID: UUID?

    @Field(key: "role") var role: String
    @Field(key: "status") var status: Status
    @Field(key: "data_key") var dataKey: Data
    /// JSON of the invited person, sealed.
    @Field(key: "person") var person: Data
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "iin_index") var iinIndex: String

    init() {}

    enum Status: String, Codable, Sendable {
        case pending, accepted, declined, revoked
    }
}

extension EmployeeInvitation {
    /// An invitation names a person when both its phone and its IIN are theirs (they could accept it).
    func names(_ user: User) -> Bool { phoneIndex == user.phoneIndex && iinIndex == user.iinIndex }

    /// Every invitation that is about `user`: those naming them, and the one they accepted (export, destruction).
    static func about(_ user: User, on database: any Database) throws -> QueryBuilder<EmployeeInvitation> {
        let userID = try user.requireID()
        return query(on: database).group(.or) { either in
            either.filter(\.$userID == userID).group(.and) { $0.filter(\.$phoneIndex == user.phoneIndex).filter(\.$iinIndex == user.iinIndex) }
        }
    }
}
