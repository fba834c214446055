import Fluent

/// Law 94-V art. 8: whether the data is published in public sources (false for the records before it).
struct AddConsentPublished: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema).field("published", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Consent.schema).deleteField("published").update()
    }
}
