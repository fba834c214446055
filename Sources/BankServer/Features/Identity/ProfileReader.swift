import BankAPI
import Fluent
import Foundation

/// Builds the profile the app shows: decrypted name, masked phone, company roles, and the e-mail only while the
/// person keeps the `email_display` consent (§2.3.5): without it the field is absent.
struct ProfileReader: Sendable {
    let services: BankServices

    func profile(of user: User, on database: any Database) async throws -> UserProfile {
        let person = try await services.vault.open(user, on: database)
        let memberships = try await Membership.query(on: database).filter(\.$user.$id == person.id).with(\.$company).all()
        let showsEmail = try await ConsentService(services: services).live(.emailDisplay, userID: person.id, on: database) != nil
        return UserProfile(
            id: person.id,
            fullName: person.fullName,
            phoneMasked: person.phone.masked,
            email: showsEmail ? person.email.value : nil,
            status: user.status.rawValue,
            companies: try memberships.map {
                try services.companyIdentity.view(of: $0)
            }
            .sorted { $0.name < $1.name }
        )
    }
}
