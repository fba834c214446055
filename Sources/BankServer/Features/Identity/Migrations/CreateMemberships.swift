import Fluent

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
