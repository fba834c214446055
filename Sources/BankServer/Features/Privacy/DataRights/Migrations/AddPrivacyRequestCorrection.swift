import Fluent

/// §4.1: a correction request carries the field to correct, the company for a company's name, and the new value
/// sealed under the person's own key (one column per ALTER, for SQLite).
struct AddPrivacyRequestCorrection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PrivacyRequest.schema).field("field", .string).update()
        try await database.schema(PrivacyRequest.schema).field("company_id", .uuid).update()
        try await database.schema(PrivacyRequest.schema).field("new_value", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PrivacyRequest.schema).deleteField("new_value").update()
        try await database.schema(PrivacyRequest.schema).deleteField("company_id").update()
        try await database.schema(PrivacyRequest.schema).deleteField("field").update()
    }
}
