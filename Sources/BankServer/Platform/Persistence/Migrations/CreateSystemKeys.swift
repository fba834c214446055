import Fluent

/// The wrapped system keys (see `SystemKeyRecord`); the row is written at the first start (`KeyRingStore.load`).
struct CreateSystemKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SystemKeyRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("wrapped", .data, .required)
            .field("master_key_version", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(SystemKeyRecord.schema).delete() }
}
