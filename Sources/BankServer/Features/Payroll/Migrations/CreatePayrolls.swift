import Fluent

struct CreatePayrolls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payroll.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("payer_account_id", .uuid, .required, .references(Account.schema, "id"))
            .field("number", .string, .required)
            .field("knp", .string, .required)
            .field("currency", .string, .required)
            .field("total", .int64, .required)
            .field("line_count", .int, .required)
            .field("status", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("executed_at", .datetime)
            .create()
        try await database.schema(PayrollLine.schema)
            .id()
            .field("payroll_id", .uuid, .required, .references(Payroll.schema, "id"))
            .field("line_no", .int, .required)
            .field("full_name", .data, .required)
            .field("iin", .data, .required)
            .field("iban", .string, .required)
            .field("amount", .int64, .required)
            .field("status", .string, .required)
            .field("failure_code", .string)
            .field("ledger_transaction_id", .uuid)
            .unique(on: "payroll_id", "line_no")
            .create()
        try await database.schema(PayrollSignature.schema)
            .id()
            .field("payroll_id", .uuid, .required, .references(Payroll.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("slot", .string, .required)
            .field("signed_at", .datetime, .required)
            .unique(on: "payroll_id", "slot")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PayrollSignature.schema).delete()
        try await database.schema(PayrollLine.schema).delete()
        try await database.schema(Payroll.schema).delete()
    }
}
