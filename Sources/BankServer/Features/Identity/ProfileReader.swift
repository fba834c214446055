import BankAPI
import Fluent
import Foundation

/// Builds the profile the app shows: decrypted name, masked phone, e-mail (§2.3.5) and company roles.
struct ProfileReader: Sendable {
    let services: BankServices

    func profile(of user: User, on database: any Database) async throws -> UserProfile {
        let person = try services.vault.open(user)
        let memberships = try await Membership.query(on: database).filter(\.$user.$id == person.id).with(\.$company).all()
        return UserProfile(
            id: person.id,
            fullName: person.fullName,
            phoneMasked: person.phone.masked,
            email: person.email.value,
            status: user.status.rawValue,
            companies: try memberships.map {
                try services.companyIdentity.view(of: $0)
            }
            .sorted { $0.name < $1.name }
        )
    }
}
