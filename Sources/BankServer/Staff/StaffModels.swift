import Fluent
import Foundation

/// A bank employee who works the privacy centre and support (the staff console's users). Staff are not
/// clients: they have their own table, sessions and roles, and every read of a client's data is audited.
final class StaffMember: Model, @unchecked Sendable {
    static let schema = "staff_members"

    enum Role: String, Codable, CaseIterable, Sendable {
        /// The person responsible for organising personal-data processing (Law 94-V art. 25): works
        /// requests, disclosures, breaches and policy editions.
        case privacyOfficer = "privacy_officer"
        case support
        case fraud
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Enum(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    /// Review M14: the RFC 6238 secret, sealed with the system key; nil means the account cannot sign in.
    @OptionalField(key: "totp_secret") var totpSecret: Data?
    /// The last 30-second step a code was accepted for: a code is good once.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?

    init() {}
}

/// A staff session: the token is stored only as its SHA-256.
final class StaffSession: Model, @unchecked Sendable {
    static let schema = "staff_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// The last request the session made (review M14: a staff session ends after it sits idle).
    @OptionalField(key: "last_seen_at") var lastSeenAt: Date?

    init() {}
}

struct CreateStaffTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StaffMember.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("disabled_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(StaffSession.schema)
            .id()
            .field("staff_id", .uuid, .required, .references(StaffMember.schema, "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).delete()
        try await database.schema(StaffMember.schema).delete()
    }
}

/// Review M14: the staff second factor and the idle timeout.
struct AddStaffSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE
        try await database.schema(StaffMember.schema).field("totp_secret", .data).update()
        try await database.schema(StaffMember.schema).field("totp_last_step", .int64).update()
        try await database.schema(StaffSession.schema).field("last_seen_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).deleteField("last_seen_at").update()
        try await database.schema(StaffMember.schema).deleteField("totp_secret").update()
        try await database.schema(StaffMember.schema).deleteField("totp_last_step").update()
    }
}
