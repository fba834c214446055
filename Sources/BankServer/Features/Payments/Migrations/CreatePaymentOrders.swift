import Fluent
import SQLKit

struct CreatePaymentOrders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentOrderRecord.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("payer_account_id", .uuid, .required, .references(Account.schema, "id"))
            .field("number", .string, .required)
            .field("document_date", .string, .required)
            .field("beneficiary_name", .string, .required)
            .field("beneficiary_tax_id", .string, .required)
            .field("beneficiary_iban", .string, .required)
            .field("beneficiary_bic", .string, .required)
            .field("kbe", .string, .required)
            .field("knp", .string, .required)
            .field("purpose", .string, .required)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("value_date", .string, .required)
            .field("urgency", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("content_hash", .string, .required)
            .field("executed_at", .datetime)
            .field("ledger_transaction_id", .uuid)
            .field("rejection_code", .string)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "payment_orders_company_idx").on(PaymentOrderRecord.schema).column("company_id").column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(PaymentOrderRecord.schema).delete() }
}
