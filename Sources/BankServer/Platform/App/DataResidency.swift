import Foundation

/// Law 94-V art. 12 (localisation): the personal data of Kazakhstan's people is kept in a database that stands in
/// Kazakhstan. The server cannot see where a machine stands, so the deployment declares it, and the declaration is
/// tied to the database the server actually uses:
/// - `BIZBANK_DATA_RESIDENCY=KZ`: the deployment's declaration (no other value is accepted);
/// - `BIZBANK_DATA_RESIDENCY_HOSTS`: the database hosts (comma-separated) declared to stand in Kazakhstan; the host
///   of `DATABASE_URL` must be one of them (`localhost` for SQLite, which lives on the server's own machine).
/// Production refuses to start without both, or when `DATABASE_URL` names a host that was not declared (a move to
/// another database needs a new declaration). Development runs undeclared unless the variables are set.
/// `/health/ready` reports the declaration (`dataResidency`: `KZ` or `undeclared`).
enum DataResidency {
    static let country = "KZ"

    /// The declared country, or nil when undeclared (development only); adds a problem naming the variable otherwise.
    static func load(_ env: [String: String], database: AppConfig.DatabaseLocation, isProduction: Bool, problems: inout [String]) -> String? {
        let declared = env["BIZBANK_DATA_RESIDENCY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let declared else {
            if isProduction {
                problems.append("BIZBANK_DATA_RESIDENCY=KZ is required in production (Law 94-V art. 12: personal data is stored in Kazakhstan)")
            }
            return nil
        }
        guard declared == country else {
            problems.append("BIZBANK_DATA_RESIDENCY must be KZ")
            return nil
        }
        let hosts = Set(
            (env["BIZBANK_DATA_RESIDENCY_HOSTS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty }
        )
        guard let host = host(of: database) else { return country }  // a malformed DATABASE_URL is reported on its own
        guard hosts.contains(host) else {
            problems.append(
                "BIZBANK_DATA_RESIDENCY_HOSTS must list the database host '\(host)' of DATABASE_URL as standing in Kazakhstan (Law 94-V art. 12)"
            )
            return nil
        }
        return country
    }

    /// The host of the configured database, lower-cased, without the credentials or the port; `localhost` for SQLite.
    static func host(of database: AppConfig.DatabaseLocation) -> String? {
        switch database {
        case .sqliteFile, .sqliteMemory: "localhost"
        case .postgres(let url): URLComponents(string: url)?.host?.lowercased()
        }
    }
}
