import Fluent

/// §3.3.1: a disclosure consent names its recipient.
struct AddConsentRecipient: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema).field("recipient_name", .string).update()
        try await database.schema(Consent.schema).field("recipient_bin", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Consent.schema).deleteField("recipient_name").update()
        try await database.schema(Consent.schema).deleteField("recipient_bin").update()
    }
}
