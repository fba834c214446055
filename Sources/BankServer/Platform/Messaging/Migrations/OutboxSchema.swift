import Fluent
import SQLKit

/// The table shape every outbox (SMS, e-mail, push) shares: `id`, then the kind's own recipient columns, then the
/// sealed body and the delivery state `OutboxDispatcher` reads and writes. Used by `CreateSMSOutbox`,
/// `CreateEmailOutbox` and `CreatePushOutbox`; the tables it creates are exactly the ones those migrations always made.
enum OutboxSchema {
    /// Creates `table`; `statusIndex`, when given, names an index on `status` (SQL databases only).
    static func create(
        _ table: String,
        statusIndex: String? = nil,
        on database: any Database,
        recipientFields: (SchemaBuilder) -> SchemaBuilder
    ) async throws {
        try await recipientFields(database.schema(table).id())
            .field("body", .data, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("next_attempt_at", .datetime)
            .create()
        guard let statusIndex, let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: statusIndex).on(table).column("status").run()
    }
}
