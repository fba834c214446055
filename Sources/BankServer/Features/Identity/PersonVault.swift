import BankCore
import Crypto
import Foundation

/// A person's personal data in the clear, only ever in memory.
struct Person: Sendable {
    let id: UUID
    var fullName: String
    var iin: IIN
    var phone: PhoneNumber
    var email: EmailAddress
}

/// Seals and opens a user's personal fields with the user's own key (§5.1, ARCHITECTURE.md privacy model).
struct PersonVault: Sendable {
    let cipher: PersonalDataCipher

    func phoneIndex(_ phone: PhoneNumber) -> String { cipher.blindIndex(phone.value, kind: "phone") }
    func iinIndex(_ iin: IIN) -> String { cipher.blindIndex(iin.value, kind: "iin") }
    func emailIndex(_ email: EmailAddress) -> String { cipher.blindIndex(email.value.lowercased(), kind: "email") }

    /// A new `User` row holding `person` encrypted under a fresh subject key.
    func makeUser(_ person: Person, passwordHash: String) throws -> User {
        let user = User()
        user.id = person.id
        let (key, wrapped) = try cipher.newSubjectKey(for: person.id)
        user.dataKey = wrapped
        try write(person, into: user, key: key)
        user.passwordHash = passwordHash
        user.status = .pending
        user.failedSignIns = 0
        user.acceptedPolicyVersion = 0
        return user
    }

    /// Replaces the personal fields of `user` (correction, §4.1) under the user's existing key.
    func update(_ user: User, with person: Person) throws {
        try write(person, into: user, key: cipher.unwrapSubjectKey(user.dataKey, for: person.id))
    }

    func open(_ user: User) throws -> Person {
        let id = try user.requireID()
        let key = try cipher.unwrapSubjectKey(user.dataKey, for: id)
        func field(_ data: Data, _ column: String) throws -> String {
            try cipher.openString(data, with: key, context: .init(table: "users", column: column, row: id))
        }
        return Person(
            id: id,
            fullName: try field(user.fullName, "full_name"),
            iin: try IIN(field(user.iin, "iin")),
            phone: try PhoneNumber(field(user.phone, "phone")),
            email: try EmailAddress(field(user.email, "email"))
        )
    }

    private func write(_ person: Person, into user: User, key: SymmetricKey) throws {
        func seal(_ value: String, _ column: String) throws -> Data {
            try cipher.seal(value, with: key, context: .init(table: "users", column: column, row: person.id))
        }
        user.fullName = try seal(person.fullName, "full_name")
        user.iin = try seal(person.iin.value, "iin")
        user.iinIndex = iinIndex(person.iin)
        user.phone = try seal(person.phone.value, "phone")
        user.phoneIndex = phoneIndex(person.phone)
        user.email = try seal(person.email.value, "email")
        user.emailIndex = emailIndex(person.email)
    }
}

extension BankServices {
    var vault: PersonVault { PersonVault(cipher: cipher) }
}
