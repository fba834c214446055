import Foundation
import SQLKit
import Testing

/// What a scan for plaintext at rest read: how many text or binary cells, and which tables had rows.
struct AtRestScan: Sendable {
    var cellsRead = 0
    var tablesRead = Set<String>()
}

extension TestHarness {
    /// §5.1: reads every text or binary cell of `tables` raw (every table of the schema when nil) and expects none
    /// to contain any of `secrets`. Returns what it read, so the caller can check the scan really read the data.
    @discardableResult
    func expectNoPlaintextAtRest(
        _ secrets: [String],
        in tables: [String]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> AtRestScan {
        var scan = AtRestScan()
        let tables = if let tables { tables } else { try await schemaTables() }
        for table in tables {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                scan.tablesRead.insert(table)
                for column in row.allColumns {
                    let text: String
                    if let string = try? row.decode(column: column, as: String?.self) {
                        text = string
                    } else if let data = try? row.decode(column: column, as: Data?.self) {
                        text = String(decoding: data, as: UTF8.self)
                    } else {
                        continue
                    }
                    scan.cellsRead += 1
                    for secret in secrets {
                        #expect(!text.contains(secret), "plaintext personal data in \(table).\(column)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
        return scan
    }
}
