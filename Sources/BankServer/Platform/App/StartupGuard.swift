/// Safe by default (review H6): development mode — demo data with published passwords, `/dev/sms` with live codes,
/// a master key generated into the data folder — is for a developer's own machine. It listens on loopback only,
/// and a PostgreSQL database (what production runs on) is refused unless development was asked for by name
/// (`--env development` or `VAPOR_ENV=development`). An environment name the server does not know is refused too,
/// rather than quietly treated as development.
enum StartupGuard {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static let knownEnvironments: Set<String> = ["production", "development", "testing"]

    /// - environmentName: the detected Vapor environment; `explicit`: whether `--env`/`-e` or `VAPOR_ENV` named it.
    static func check(environmentName: String, explicit: Bool, arguments: [String], usesPostgres: Bool) throws(Refusal) {
        guard knownEnvironments.contains(environmentName) else {
            throw Refusal(description: "unknown environment '\(environmentName)': use --env production or --env development")
        }
        guard environmentName == "development" else { return }
        if usesPostgres, !explicit {
            throw Refusal(
                description:
                    "DATABASE_URL names PostgreSQL but no environment was given: start with --env production (or --env development on purpose)"
            )
        }
        if let host = option(["--hostname", "-H"], in: arguments), !isLoopback(host) {
            throw Refusal(description: "development mode listens on loopback only (127.0.0.1, ::1, localhost), not on \(host)")
        }
        if let bind = option(["--bind", "-b"], in: arguments) {
            let host = bind.hasPrefix("[") ? String(bind.dropFirst().prefix { $0 != "]" }) : String(bind.split(separator: ":").first ?? "")
            if !isLoopback(host) { throw Refusal(description: "development mode listens on loopback only, not on \(bind)") }
        }
    }

    static func explicitlyNamed(arguments: [String], environment: [String: String]) -> Bool {
        option(["--env", "-e"], in: arguments) != nil || !(environment["VAPOR_ENV"] ?? "").isEmpty
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func option(_ names: [String], in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            for name in names {
                if argument == name, index + 1 < arguments.count { return arguments[index + 1] }
                if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }
}
