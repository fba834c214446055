import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Keyset paging, newest first, on (time, id) at the database's full precision (issue 10: "lists never skip"):
/// the cursor is the id of the previous page's last row, and the next page is every row whose (time, id) sorts
/// before that row's — compared by the database itself, so no timestamp passes through text or a Double.
enum KeysetAnchor {
    static func before(_ anchorID: UUID, table: String, time: String) -> DatabaseQuery.Filter {
        .sql(
            embed: """
                (\(ident: table).\(ident: time), \(ident: table).\(ident: "id")) < \
                (SELECT \(ident: "k").\(ident: time), \(ident: "k").\(ident: "id") FROM \(ident: table) \(ident: "k") \
                WHERE \(ident: "k").\(ident: "id") = \(bind: anchorID))
                """
        )
    }

    /// One page, newest first by (`time`, id), of `query` after the row `anchorID` (the first page when nil), and
    /// the cursor of the next page when there is one. The caller checks the anchor may be used (it exists, it is
    /// the caller's) before.
    static func page<Row: Model>(
        _ query: QueryBuilder<Row>,
        after anchorID: UUID?,
        time: String,
        limit: Int
    ) async throws -> (items: [Row], nextCursor: String?) where Row.IDValue == UUID {
        if let anchorID { query.filter(before(anchorID, table: Row.schema, time: time)) }
        let rows = try await query.sort(.string(time), .descending).sort(.id, .descending).limit(limit + 1).all()
        let items = Array(rows.prefix(limit))
        return (items, rows.count > limit ? items.last?.id?.uuidString : nil)
    }

    /// The cursor as sent back by a client: an id, or a validation error naming `cursor`.
    static func parse(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw BankError.validation([.init(field: "cursor", code: .invalidValue)]) }
        return id
    }
}
