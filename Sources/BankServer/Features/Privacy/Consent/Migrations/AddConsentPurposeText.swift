import Fluent

/// Law 94-V art. 8: the purpose's title and text the person was shown when agreeing, and their language, so the
/// history proves what was agreed to after the register changes. SQLite: one column per ALTER.
struct AddConsentPurposeText: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema).field("purpose_title", .string).update()
        try await database.schema(Consent.schema).field("purpose_text", .string).update()
        try await database.schema(Consent.schema).field("purpose_language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Consent.schema).deleteField("purpose_language").update()
        try await database.schema(Consent.schema).deleteField("purpose_text").update()
        try await database.schema(Consent.schema).deleteField("purpose_title").update()
    }
}
