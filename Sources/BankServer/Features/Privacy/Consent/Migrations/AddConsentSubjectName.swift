import Fluent

/// Law 94-V art. 8: the subject's full name as at the grant, sealed under the person's key.
struct AddConsentSubjectName: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Consent.schema).field("subject_name", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Consent.schema).deleteField("subject_name").update()
    }
}
