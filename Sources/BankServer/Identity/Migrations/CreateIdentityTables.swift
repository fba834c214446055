import Fluent

struct CreateCompanies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Company.schema)
            .id()
            .field("name", .string, .required)
            .field("bin", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "bin")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Company.schema).delete() }
}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("data_key", .data, .required)
            .field("full_name", .data, .required)
            .field("iin", .data, .required)
            .field("iin_index", .string, .required)
            .field("phone", .data, .required)
            .field("phone_index", .string, .required)
            .field("email", .data, .required)
            .field("email_index", .string, .required)
            .field("password_hash", .string, .required)
            .field("status", .string, .required)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("blocked_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "iin_index")
            .unique(on: "phone_index")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(User.schema).delete() }
}

struct CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "company_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Membership.schema).delete() }
}

struct CreateDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Device.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("installation_id", .string, .required)
            .field("name", .string, .required)
            .field("platform", .string, .required)
            .field("app_version", .string, .required)
            .field("first_seen_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("trusted_at", .datetime)
            .field("public_key", .data)
            .field("key_enrolled_at", .datetime)
            .unique(on: "user_id", "installation_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Device.schema).delete() }
}

struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("device_id", .uuid, .required, .references(Device.schema, "id"))
            .field("token_hash", .string, .required)
            .field("ip", .string, .required)
            .field("user_agent", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("revoke_reason", .string)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(UserSession.schema).delete() }
}

struct CreateDeviceKeyChallenges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DeviceKeyChallenge.schema)
            .id()
            .field("device_id", .uuid, .references(Device.schema, "id"))
            .field("nonce", .data, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(DeviceKeyChallenge.schema).delete() }
}
