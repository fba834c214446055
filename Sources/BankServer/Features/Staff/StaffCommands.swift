import Fluent
import Vapor

/// `bizbank staff add --username … --name … --role privacy_officer|support|fraud`: creates a staff account and
/// prints its one-time password once (it is stored only as a bcrypt hash).
struct StaffAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Login name") var username: String?
        @Option(name: "name", help: "Display name") var name: String?
        @Option(name: "role", help: "privacy_officer, support or fraud") var role: String?
    }

    let help = "Creates a staff account and prints its initial password once."

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username?.lowercased(), !username.isEmpty, username.count <= 64,
            let role = signature.role.flatMap(StaffMember.Role.init(rawValue:))
        else {
            throw CommandFailure(message: "give --username and --role (privacy_officer, support or fraud)")
        }
        let credentials = try await StaffAccounts(services: context.application.bank)
            .create(username: username, displayName: signature.name ?? username, role: role, on: context.application.db)
        context.console.print("staff \(username) (\(role.rawValue)) created; initial password: \(credentials.password)")
        context.console.print("authenticator (RFC 6238): \(credentials.authenticator.uri(account: username))")
    }
}

/// `bizbank staff authenticator --username …`: a new authenticator secret for a staff member (a lost phone); the old
/// one stops working at once.
struct StaffAuthenticatorCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Login name") var username: String?
    }

    let help = "Gives a staff member a new authenticator secret and prints its otpauth:// URI once."

    func run(using context: CommandContext, signature: Signature) async throws {
        let database = context.application.db
        guard let username = signature.username?.lowercased(),
            let staff = try await StaffMember.query(on: database).filter(\.$username == username).first()
        else { throw CommandFailure(message: "no staff member with that --username") }
        let services = context.application.bank
        let authenticator = try await StaffAuthService(services: services).enrolSecondFactor(staff, on: database)
        try await AuditLog.record(
            .staffAuthenticatorReset,
            actor: nil,
            subject: .staff(try staff.requireID()),
            at: services.clock.now(),
            on: database
        )
        context.console.print("authenticator (RFC 6238): \(authenticator.uri(account: username))")
    }
}

struct StaffCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["add": StaffAddCommand(), "authenticator": StaffAuthenticatorCommand()]
    let help = "Staff accounts."
}

/// Creates staff accounts (CLI and tests).
struct StaffAccounts: Sendable {
    let services: BankServices

    struct Credentials {
        var password: String
        var authenticator: TOTP
    }

    /// Returns the generated initial password and the authenticator secret, each shown once.
    func create(username: String, displayName: String, role: StaffMember.Role, on database: any Database) async throws -> Credentials {
        let password = SecureRandom.token()
        let staff = StaffMember()
        staff.username = username.lowercased()
        staff.displayName = displayName
        staff.role = role
        staff.passwordHash = try await services.hashPassword(password)
        staff.createdAt = services.clock.now()
        try await staff.create(on: database)
        let authenticator = try await StaffAuthService(services: services).enrolSecondFactor(staff, on: database)
        try await AuditLog.record(
            .staffCreated,
            actor: nil,
            subject: .staff(try staff.requireID()),
            details: ["role": role.rawValue],
            at: services.clock.now(),
            on: database
        )
        return Credentials(password: password, authenticator: authenticator)
    }
}
