import BankAPI
import BankCore
import Fluent
import Foundation
import Vapor

/// `bizbank bench seed --companies N --out FILE`: creates N funded companies, each with a director and an
/// accountant already signed in on a trusted device, and writes their tokens and accounts as JSON for the
/// load tool in `Benchmarks/`. Development and benchmarking only: refused in production.
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "companies", help: "How many companies (default 16)") var companies: Int?
        @Option(name: "out", help: "Where to write the JSON (default bench-seed.json)") var out: String?
    }

    struct Seeded: Codable {
        struct Company: Codable {
            var companyId: UUID
            var directorToken: String
            var accountantToken: String
            var accounts: [String]
        }
        var companies: [Company]
    }

    let help = "Seeds signed-in, funded companies for the load benchmark (never in production)."

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let services = app.bank
        guard !services.config.isProduction else { throw CommandFailure(message: "bench seed is refused in production") }
        let count = signature.companies ?? 16
        var seeded = Seeded(companies: [])
        let passwordHash = try await services.hashPassword("Bench-Password-\(UUID().uuidString)")
        for _ in 0..<count {
            seeded.companies.append(try await seedCompany(services: services, passwordHash: passwordHash, on: app.db))
        }
        let path = signature.out ?? "bench-seed.json"
        try JSONEncoder().encode(seeded).write(to: URL(fileURLWithPath: path))
        context.console.print("seeded \(count) companies into \(path)")
    }

    private func seedCompany(services: BankServices, passwordHash: String, on database: any Database) async throws -> Seeded.Company {
        func digits(_ count: Int) -> String { SecureRandom.digits(count) }
        var bin: BIN?
        while bin == nil { bin = BIN.withCheckDigit("0501" + "40" + digits(5)) }
        let company = Company(name: "Bench \(digits(6))", bin: bin?.value ?? "")
        try await company.create(on: database)
        let companyID = try company.requireID()
        var tokens: [String] = []
        for role in [Membership.Role.director, .accountant] {
            var iin: IIN?
            while iin == nil { iin = IIN.withCheckDigit("850315" + "3" + digits(4)) }
            let person = Person(
                id: UUID(),
                fullName: "Bench \(role.rawValue)",
                iin: iin!,
                phone: try PhoneNumber("+7701" + digits(7)),
                email: try EmailAddress("bench.\(digits(8))@example.kz")
            )
            let user = try await services.vault.makeUser(person, passwordHash: passwordHash, on: database)
            user.status = .active
            try await user.create(on: database)
            try await Membership(userID: person.id, companyID: companyID, role: role).create(on: database)
            if let edition = try await PolicyEditions(services: services).current(on: database) {
                let origin = PolicyAcceptanceRecorder.Origin(ip: "127.0.0.1", userAgent: "bench", deviceInstallationID: "bench-seed")
                try await PolicyAcceptanceRecorder(services: services).record(edition, userID: person.id, origin: origin, on: database)
            }
            let device = try await services.devices.trust(
                DeviceDescriptor(id: "bench-\(digits(8))", name: "Bench", platform: "web", appVersion: "bench"),
                userID: person.id,
                on: database
            )
            let grant = try await services.sessions.open(for: user, device: device, origin: .init(ip: "127.0.0.1", userAgent: "bench"), on: database)
            tokens.append(grant.token)
        }
        var ibans: [String] = []
        let funding = try await services.accounts.bankAccount(.bankFunding, currency: .kzt, on: database)
        for _ in 0..<2 {
            let account = try await services.accounts.open(companyID: companyID, currency: .kzt, name: "Bench KZT", on: database)
            try await services.ledger.transfer(
                Money(minorUnits: 1_000_000_000_00, currency: .kzt),
                from: try funding.requireID(),
                to: try account.requireID(),
                kind: "bench_funding",
                reference: "bench",
                description: "Bench funding",
                on: database
            )
            ibans.append(account.iban)
        }
        return Seeded.Company(companyId: companyID, directorToken: tokens[0], accountantToken: tokens[1], accounts: ibans)
    }
}

struct BenchCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = [
        "seed": BenchSeedCommand(), "statements": BenchStatementsCommand(), "branches": BenchBranchesCommand(),
    ]
    let help = "Benchmark set-up tools."
}
