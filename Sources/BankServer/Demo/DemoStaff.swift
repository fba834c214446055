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
            announce("  staff \(account.role.rawValue): \(account.username)  password \(account.password)")
        }
    }
}
