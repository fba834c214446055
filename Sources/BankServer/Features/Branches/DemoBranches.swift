import Fluent
import Foundation

/// Development demo data for §2.3.1: the bundled `Resources/Branches/demo-branches.csv` (branches and ATMs in
/// Almaty and Astana, named after the configured bank), imported through the same CSV reader as
/// `bizbank branches import`. Seeds only an empty branch list.
struct DemoBranches: Sendable {
    let services: BankServices

    static func bundledCSV() throws -> String {
        guard let url = Bundle.module.url(forResource: "demo-branches", withExtension: "csv", subdirectory: "Resources/Branches") else {
            throw CommandFailure(message: "Resources/Branches/demo-branches.csv is missing from the bundle")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    func seedIfEmpty(on database: any Database, announce: @Sendable (String) -> Void) async throws {
        guard try await Branch.query(on: database).count() == 0 else { return }
        let drafts = try BranchCSV.parse(try Self.bundledCSV(), bankName: services.config.operatorName).get()
        _ = try await BranchCatalog(services: services).upsert(drafts, by: nil, on: database)
        announce("Demo branches created: \(drafts.count) branches and ATMs in Almaty and Astana")
    }
}
