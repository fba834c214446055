import Fluent
import SQLKit

/// §6.2: the edition each user has accepted, kept on the user row so the per-request check costs no query.
struct AddAcceptedPolicyVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("accepted_policy_version", .int, .required, .sql(.default(0))).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE users SET accepted_policy_version = COALESCE((
                SELECT MAX(e.version) FROM policy_acceptances a JOIN policy_editions e ON e.id = a.edition_id
                WHERE a.user_id = users.id), 0)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("accepted_policy_version").update()
    }
}
