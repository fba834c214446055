import Fluent

/// The key table: each person's wrapped data key, apart from the data (see `PersonKey`).
struct CreatePersonKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonKey.schema)
            .id()
            .field("subject_id", .uuid, .required)
            .field("wrapped", .data, .required)
            .field("master_key_version", .int, .required)
            .field("created_at", .datetime)
            .field("destroyed_at", .datetime)
            .unique(on: "subject_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PersonKey.schema).delete() }
}
