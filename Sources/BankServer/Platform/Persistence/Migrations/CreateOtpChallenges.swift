import Fluent

struct CreateOtpChallenges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OtpChallenge.schema)
            .id()
            .field("purpose", .string, .required)
            .field("user_id", .uuid)
            .field("phone_index", .string, .required)
            .field("phone", .data, .required)
            .field("binding", .string, .required)
            .field("code_hmac", .string, .required)
            .field("context", .data)
            .field("attempts", .int, .required)
            .field("sends", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_sent_at", .datetime, .required)
            .field("consumed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(OtpChallenge.schema).delete() }
}
