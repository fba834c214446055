import Crypto
import Fluent
import Foundation

/// Development demo staff for the staff console: one account per role, with known passwords. Never in production
/// (DemoSeeder runs only outside production).
enum DemoStaff {
    static let accounts: [(username: String, name: String, role: StaffMember.Role, password: String)] = [
        ("demo-officer", "Демо: жауапты тұлға", .privacyOfficer, "Demo-Officer-2026!"),
        ("demo-support", "Демо: қолдау", .support, "Demo-Support-2026!"),
        ("demo-fraud", "Демо: алаяқтыққа қарсы", .fraud, "Demo-Fraud-2026!"),
    ]

    static func seed(services: BankServices, on database: any Database, announce: @Sendable (String) -> Void) async throws {
        guard try await StaffMember.query(on: database).count() == 0 else { return }
        for account in accounts {
            let staff = StaffMember()
            staff.username = account.username
            staff.displayName = account.name
            staff.role = account.role
            staff.passwordHash = try await services.hashPassword(account.password)
            staff.createdAt = services.clock.now()
            try await staff.create(on: database)
            staff.totpSecret = try services.cipher.seal(
                authenticator(account.username).secret,
                with: services.cipher.keys.systemData,
                context: .init(table: "staff_members", column: "totp_secret", row: try staff.requireID())
            )
            try await staff.save(on: database)
            announce("  staff \(account.role.rawValue): \(account.username)  password \(account.password)")
        }
        announce("  Staff codes (RFC 6238) are listed at GET /dev/staff-codes, or add the secret to an authenticator:")
        for account in accounts { announce("    \(authenticator(account.username).uri(account: account.username))") }
    }

    /// A demo account's authenticator: a fixed secret, so the codes can be listed in development.
    static func authenticator(_ username: String) -> TOTP {
        TOTP(secret: Data(SHA256.hash(data: Data("bizbank-demo-authenticator|\(username)".utf8)).prefix(20)))
    }
}
