import Fluent
import SQLKit

/// Issue 10: the "director alone" signing rule, a signer's reason for rejecting an order, and idempotency keys
/// that a crashed owner cannot hold for ever (a lease) with their answers purged after 7 days, and payroll's risk.
struct AddMoneyPathColumns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Companies that exist keep the rule they had (another signer than the author); new ones may sign alone.
        try await database.schema(Company.schema).field("author_may_sign_alone", .bool, .required, .sql(.default(false))).update()
        try await database.schema(PaymentOrderRecord.schema).field("rejection_reason", .string).update()
        try await database.schema(IdempotencyRecord.schema).field("lease_until", .datetime).update()
        // §2.2.4 for payroll: why its signing or confirmation was elevated-risk (its lines are then held)
        try await database.schema(Payroll.schema).field("risk_reasons", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "idempotency_keys_created_idx").on(IdempotencyRecord.schema).column("created_at").run()
            try await sql.create(index: "payment_orders_status_idx").on(PaymentOrderRecord.schema).column("company_id").column("status").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Payroll.schema).deleteField("risk_reasons").update()
        try await database.schema(IdempotencyRecord.schema).deleteField("lease_until").update()
        try await database.schema(PaymentOrderRecord.schema).deleteField("rejection_reason").update()
        try await database.schema(Company.schema).deleteField("author_may_sign_alone").update()
    }
}
