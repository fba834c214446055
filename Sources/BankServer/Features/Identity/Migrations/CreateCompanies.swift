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
