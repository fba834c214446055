import Foundation

/// The nearby search's page cursor: opaque to clients (base64url), stable (a position in the total order of
/// distance in millimetres, then id), and bound to its search by a tag so it cannot page a different one.
/// It carries no coordinates.
enum BranchCursor {
    struct Position: Sendable, Equatable, Comparable {
        let millimetres: Int64
        let id: UUID

        static func < (lhs: Position, rhs: Position) -> Bool {
            if lhs.millimetres != rhs.millimetres { return lhs.millimetres < rhs.millimetres }
            return lhs.id.uuidString < rhs.id.uuidString
        }
    }

    static func encode(_ position: Position, tag: String) -> String {
        let text = "b1.\(position.millimetres).\(position.id.uuidString).\(tag)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The position, or nil when the cursor is malformed or belongs to another search.
    static func decode(_ cursor: String, tag: String) -> Position? {
        guard cursor.count <= 200 else { return nil }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "b1", let millimetres = Int64(parts[1]), millimetres >= 0,
            let id = UUID(uuidString: String(parts[2])), parts[3] == tag
        else { return nil }
        return Position(millimetres: millimetres, id: id)
    }
}
