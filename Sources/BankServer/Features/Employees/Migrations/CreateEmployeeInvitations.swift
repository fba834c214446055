import Fluent
import SQLKit

struct CreateEmployeeInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmployeeInvitation.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("company_id", .uuid, .required, .references("companies", "id"))
            .field("invited_by", .uuid, .required)
            .field("user_id", .uuid)
            .field("role", .string, .required)
            .field("status", .string, .required)
            .field("data_key", .data, .required)
            .field("person", .data, .required)
            .field("phone_index", .string, .required)
            .field("iin_index", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "employee_invitations_phone_idx").on(EmployeeInvitation.schema).column("phone_index").run()
        try await sql.create(index: "employee_invitations_company_idx").on(EmployeeInvitation.schema).column("company_id").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(EmployeeInvitation.schema).delete() }
}
