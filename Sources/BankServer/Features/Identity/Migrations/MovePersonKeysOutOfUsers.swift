import Fluent
import Foundation
import SQLKit

/// Moves each person's wrapped key from `users.data_key` into `person_keys` (master key version 1: the only master
/// key there was before versions), then empties `users.data_key`, so no user row holds a key any more. A destroyed
/// person's `data_key` was already random bytes: it is emptied, not moved. The fields sealed before stay in the
/// format without a key id; `PersonVault` reads both formats and writes the envelope. Plain SQL on the three
/// columns it needs, so later columns of `users` cannot break it.
struct MovePersonKeysOutOfUsers: AsyncMigration {
    private struct Row: Decodable {
        let id: UUID
        let dataKey: Data
        let status: String

        enum CodingKeys: String, CodingKey {
            case id, status
            case dataKey = "data_key"
        }
    }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let rows = try await sql.select().columns("id", "data_key", "status").from(User.schema).all(decoding: Row.self)
        for row in rows where !row.dataKey.isEmpty && row.status != User.Status.destroyed.rawValue {
            let key = PersonKey()
            key.id = UUID()
            key.subjectID = row.id
            key.wrapped = row.dataKey
            key.masterKeyVersion = 1
            try await key.create(on: database)
        }
        try await sql.update(User.schema).set("data_key", to: SQLBind(Data())).run()
    }

    func revert(on database: any Database) async throws {}
}
