import Fluent
import SQLKit

/// §2.3.2 photos and documents: metadata and sealed content in two tables (see `DocumentVault` for why the bytes
/// live in the database).
struct CreateDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredDocument.schema)
            .id()
            .field("uploaded_at_ms", .int64, .required)
            .field("kind", .string, .required)
            .field("company_id", .uuid, .references(Company.schema, "id"))
            .field("uploaded_by", .uuid, .required, .references(User.schema, "id"))
            .field("photo_of", .uuid)
            .field("payment_id", .uuid, .references(PaymentOrderRecord.schema, "id"))
            // A deleted template leaves its picture on the company's profile.
            .field("template_id", .uuid, .references(PaymentTemplate.schema, "id", onDelete: .setNull))
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("removed_metadata", .string, .required)
            .unique(on: "photo_of")
            .create()
        try await database.schema(DocumentContent.schema)
            .id()
            .field("sealed", .data, .required)
            .foreignKey("id", references: StoredDocument.schema, "id", onDelete: .cascade)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "documents_company_idx").on(StoredDocument.schema).column("company_id").column("uploaded_at_ms").run()
        try await sql.create(index: "documents_uploader_idx").on(StoredDocument.schema).column("uploaded_by").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DocumentContent.schema).delete()
        try await database.schema(StoredDocument.schema).delete()
    }
}
