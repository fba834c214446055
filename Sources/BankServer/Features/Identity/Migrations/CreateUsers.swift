import Fluent

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
