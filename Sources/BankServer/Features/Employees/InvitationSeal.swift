import BankCore
import Fluent
import Foundation

/// The invited person's data, sealed under a key of the invitation's own (wrapped by the master key): deleting
/// the invitation row destroys it, and nothing of it is readable at rest (§5.1).
struct InvitationSeal: Sendable {
    let cipher: PersonalDataCipher

    private struct Sealed: Codable {
        var fullName: String
        var iin: String
        var phone: String
        var email: String
    }

    func seal(_ person: Person, into invitation: EmployeeInvitation) throws {
        let id = try invitation.requireID()
        let (key, wrapped) = try cipher.newSubjectKey(for: id)
        let json = try JSONEncoder().encode(
            Sealed(fullName: person.fullName, iin: person.iin.value, phone: person.phone.value, email: person.email.value)
        )
        invitation.dataKey = wrapped
        invitation.person = try cipher.seal(json, with: key, context: .init(table: EmployeeInvitation.schema, column: "person", row: id))
        invitation.phoneIndex = cipher.blindIndex(person.phone.value, kind: "phone")
        invitation.iinIndex = cipher.blindIndex(person.iin.value, kind: "iin")
    }

    /// The person as the director entered them; `id` is the id a new user would get.
    func open(_ invitation: EmployeeInvitation, personID: UUID = UUID()) throws -> Person {
        let id = try invitation.requireID()
        let key = try cipher.unwrapSubjectKeyOfAnyVersion(invitation.dataKey, for: id).key
        let json = try cipher.open(invitation.person, with: key, context: .init(table: EmployeeInvitation.schema, column: "person", row: id))
        let sealed = try JSONDecoder().decode(Sealed.self, from: json)
        return Person(
            id: personID,
            fullName: sealed.fullName,
            iin: try IIN(sealed.iin),
            phone: try PhoneNumber(sealed.phone),
            email: try EmailAddress(sealed.email)
        )
    }

    /// `bizbank keys rotate`: re-wraps each invitation's key that is not under the current master key version.
    func rewrapAll(on database: any Database) async throws -> Int {
        var count = 0
        for invitation in try await EmployeeInvitation.query(on: database).all() {
            let id = try invitation.requireID()
            let (key, version) = try cipher.unwrapSubjectKeyOfAnyVersion(invitation.dataKey, for: id)
            guard version != cipher.keys.masterKeyVersion else { continue }
            invitation.dataKey = try cipher.wrapSubjectKey(key, for: id)
            try await invitation.save(on: database)
            count += 1
        }
        return count
    }
}
