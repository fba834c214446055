import Fluent
import SQLKit

/// Reads a Fluent model out of a plain SQL row whose columns for that model carry a prefix (`s_id`, `s_user_id`, …),
/// so one hand-written join can fill two models without Fluent's query builder on a path that runs on every request.
struct PrefixedRowOutput: DatabaseOutput {
    let row: any SQLRow
    let prefix: String

    var description: String { "\(prefix)* of \(row)" }

    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: prefix + key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: prefix + key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: prefix + key.description, as: T.self) }
}

extension SQLRow {
    /// The model from this row's columns named `prefix` + the model's keys.
    func decode<M: Model>(fluentModel: M.Type, prefix: String) throws -> M {
        let model = M()
        try model.output(from: PrefixedRowOutput(row: self, prefix: prefix))
        return model
    }
}
