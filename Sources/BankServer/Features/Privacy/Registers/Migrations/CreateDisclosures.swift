import Fluent
import SQLKit

/// §3.3: the register of disclosures to third parties.
struct CreateDisclosures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Disclosure.schema)
            .id()
            .field("recorded_at", .datetime, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("recorded_by", .uuid, .required, .references(StaffMember.schema, "id"))
            .field("consent_id", .uuid, .references(Consent.schema, "id"))
            .field("recipient_name", .string, .required)
            .field("recipient_bin", .string)
            .field("data_categories", .string, .required)
            .field("basis", .string, .required)
            .field("legal_reference", .string)
            .field("case_reference", .string)
            .field("disclosed_at", .datetime, .required)
            .field("staff_role", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "disclosures_user_idx").on(Disclosure.schema).column("user_id").column("disclosed_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Disclosure.schema).delete()
    }
}
