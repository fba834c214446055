import Fluent

/// Reads policy editions (§6.1): the current one is the newest whose effective date has come.
struct PolicyEditions: Sendable {
    let services: BankServices

    func current(on database: any Database) async throws -> PolicyEdition? {
        try await PolicyEdition.query(on: database)
            .filter(\.$effectiveAt <= services.clock.now())
            .sort(\.$version, .descending)
            .first()
    }
}
