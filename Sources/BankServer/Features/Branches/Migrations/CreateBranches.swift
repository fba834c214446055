import Fluent
import SQLKit

struct CreateBranches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Branch.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name_kk", .string, .required)
            .field("name_ru", .string, .required)
            .field("name_en", .string, .required)
            .field("address_kk", .string, .required)
            .field("address_ru", .string, .required)
            .field("address_en", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("cell", .int64, .required)
            .field("hours", .string, .required)
            .field("services", .string, .required)
            .field("accessibility", .string, .required)
            .unique(on: "code")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The nearby search reads ranges of cells (GeoGrid): a plain B-tree on the cell serves both databases.
        try await sql.create(index: "branches_cell_idx").on(Branch.schema).column("cell").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(Branch.schema).delete() }
}
