import BankCore
import Fluent
import Vapor

/// Development demo data: one company with a director and an accountant, created through the same
/// vault and records as a real registration (acceptance and consent included). Never in production.
struct DemoSeeder: Sendable {
    let services: BankServices

    struct DemoUser: Sendable {
        let fullName: String
        let iinPrefix: String
        let phone: String
        let email: String
        let password: String
        let role: Membership.Role
    }

    static let companyName = "ТОО «Demo Trade»"
    static let binPrefix = "0501400"
    static let users = [
        DemoUser(
            fullName: "Айгерим Серікқызы Нұрланова",
            iinPrefix: "8503154",
            phone: "+77010000001",
            email: "director@demo-trade.kz",
            password: "Demo-Director-2026!",
            role: .director
        ),
        DemoUser(
            fullName: "Ержан Болатұлы Қасымов",
            iinPrefix: "9007223",
            phone: "+77010000002",
            email: "accountant@demo-trade.kz",
            password: "Demo-Accountant-2026!",
            role: .accountant
        ),
    ]

    /// Seeds only an empty database; prints the sign-in details once, when it does.
    func seedIfEmpty(on database: any Database, announce: @Sendable (String) -> Void) async throws {
        try await DemoBranches(services: services).seedIfEmpty(on: database, announce: announce)
        guard try await Company.query(on: database).count() == 0 else { return }
        guard let edition = try await PolicyEditions(services: services).current(on: database) else { return }
        guard let bin = Self.firstValid(prefix: Self.binPrefix, make: BIN.withCheckDigit) else { return }
        var hashes: [String] = []
        for user in Self.users { hashes.append(try await services.hashPassword(user.password)) }
        let passwordHashes = hashes
        try await database.transaction { tx in
            let company = Company(name: Self.companyName, bin: bin.value)
            try await company.create(on: tx)
            for (user, hash) in zip(Self.users, passwordHashes) {
                guard let iin = Self.firstValid(prefix: user.iinPrefix, make: IIN.withCheckDigit) else { continue }
                let person = Person(
                    id: UUID(),
                    fullName: user.fullName,
                    iin: iin,
                    phone: try PhoneNumber(user.phone),
                    email: try EmailAddress(user.email)
                )
                let record = try await services.vault.makeUser(person, passwordHash: hash, on: tx)
                record.status = .active
                try await record.create(on: tx)
                try await Membership(userID: person.id, companyID: try company.requireID(), role: user.role).create(on: tx)
                try await PolicyAcceptanceRecorder(services: services).record(
                    edition,
                    userID: person.id,
                    origin: .init(ip: "127.0.0.1", userAgent: "bizbank demo seed", deviceInstallationID: "demo-seed"),
                    on: tx
                )
                try await AuditLog.record(
                    .demoUserSeeded,
                    actor: nil,
                    subject: .user(person.id),
                    details: ["role": user.role.rawValue],
                    at: services.clock.now(),
                    on: tx
                )
            }
        }
        try await fundDemoAccounts(companyBIN: bin.value, on: database)
        announce("Demo data created: company \(Self.companyName), BIN \(bin.value)")
        for user in Self.users {
            announce("  \(user.role.rawValue): phone \(user.phone)  password \(user.password)")
        }
        announce("  The SMS code for a new device is listed at GET /dev/sms")
        try await DemoStaff.seed(services: services, on: database, announce: announce)
    }

    /// Opens KZT, USD and EUR accounts and funds them from the bank's funding account through ledger
    /// entries — never by writing a balance.
    static let openingFunds: [(Currency, Int64)] = [(.kzt, 25_000_000_00), (.usd, 50_000_00), (.eur, 20_000_00)]

    private func fundDemoAccounts(companyBIN: String, on database: any Database) async throws {
        guard let company = try await Company.query(on: database).filter(\.$bin == companyBIN).first(), let companyID = company.id else { return }
        for (currency, amount) in Self.openingFunds {
            try await database.transaction { tx in
                let account = try await services.accounts.open(companyID: companyID, currency: currency, name: "Current \(currency.code)", on: tx)
                let funding = try await services.accounts.bankAccount(.bankFunding, currency: currency, on: tx)
                try await services.ledger.transfer(
                    Money(minorUnits: amount, currency: currency),
                    from: try funding.requireID(),
                    to: try account.requireID(),
                    kind: "demo_funding",
                    reference: "demo",
                    description: "Demo opening balance",
                    on: tx
                )
            }
        }
    }

    /// The first 11-digit extension of `prefix` (serial 0001, 0002, …) whose check digit exists.
    static func firstValid<T>(prefix: String, make: (String) -> T?) -> T? {
        let width = 11 - prefix.count
        for serial in 1..<1000 {
            let digits = String(serial)
            let candidate = prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
            if let value = make(candidate) { return value }
        }
        return nil
    }
}

/// `bizbank demo`: seeds the demo company into an empty development database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Seeds demo data into an empty development database."

    func run(using context: CommandContext, signature: Signature) async throws {
        guard !context.application.bank.config.isProduction else { throw CommandFailure(message: "demo data is never seeded in production") }
        try await DemoSeeder(services: context.application.bank).seedIfEmpty(on: context.application.db, announce: { print($0) })
    }
}
