import BankCore
import Crypto
import Fluent
import Foundation

/// A person's personal data in the clear, only ever in memory.
struct Person: Sendable {
    let id: UUID
    var fullName: String
    var iin: IIN
    var phone: PhoneNumber
    var email: EmailAddress
}

/// Seals and opens a user's personal fields with the user's own key (§5.1, ARCHITECTURE.md privacy model). The key
/// lives in the key table (`PersonKeys`), apart from the user row; every value sealed here carries the key's id
/// (`PersonalDataCipher.sealEnvelope`). Values sealed before the key table existed (no key id) still open.
struct PersonVault: Sendable {
    let cipher: PersonalDataCipher

    var keys: PersonKeys { PersonKeys(cipher: cipher) }

    func phoneIndex(_ phone: PhoneNumber) -> String { cipher.blindIndex(phone.value, kind: "phone") }
    func iinIndex(_ iin: IIN) -> String { cipher.blindIndex(iin.value, kind: "iin") }
    func emailIndex(_ email: EmailAddress) -> String { cipher.blindIndex(email.value.lowercased(), kind: "email") }

    /// A new `User` row holding `person` encrypted under a fresh subject key, which is stored in the key table now
    /// (inside the caller's transaction); the caller creates the user row.
    func makeUser(_ person: Person, passwordHash: String, on database: any Database) async throws -> User {
        let user = User()
        user.id = person.id
        let (keyID, key) = try await keys.create(for: person.id, on: database)
        user.dataKey = Data()
        try write(person, into: user, keyID: keyID, key: key)
        user.passwordHash = passwordHash
        user.status = .pending
        user.failedSignIns = 0
        user.acceptedPolicyVersion = 0
        return user
    }

    /// Replaces the personal fields of `user` (correction, §4.1) under the user's existing key.
    func update(_ user: User, with person: Person, on database: any Database) async throws {
        let (keyID, key) = try await keys.key(of: person.id, on: database)
        try write(person, into: user, keyID: keyID, key: key)
    }

    /// The person's fields in the clear; throws `PersonKeys.KeyDestroyed` once the person was destroyed.
    func open(_ user: User, on database: any Database) async throws -> Person {
        let (keyID, key) = try await keys.key(of: try user.requireID(), on: database)
        return try open(user, keyID: keyID, key: key)
    }

    /// Several people at once, their keys read in one query (lists); throws `PersonKeys.KeyDestroyed` for a
    /// destroyed one.
    func open(_ users: [User], on database: any Database) async throws -> [UUID: Person] {
        let ids = try users.map { try $0.requireID() }
        let keys = try await keys.keys(of: ids, on: database)
        var people: [UUID: Person] = [:]
        for (user, id) in zip(users, ids) {
            guard let (keyID, key) = keys[id] else { throw PersonKeys.KeyDestroyed(subject: id) }
            people[id] = try open(user, keyID: keyID, key: key)
        }
        return people
    }

    private func open(_ user: User, keyID: UUID, key: SymmetricKey) throws -> Person {
        let id = try user.requireID()
        func field(_ data: Data, _ column: String) throws -> String {
            let plain = try cipher.openEnvelope(data, with: key, keyID: keyID, context: .init(table: "users", column: column, row: id))
            return String(decoding: plain, as: UTF8.self)
        }
        return Person(
            id: id,
            fullName: try field(user.fullName, "full_name"),
            iin: try IIN(field(user.iin, "iin")),
            phone: try PhoneNumber(field(user.phone, "phone")),
            email: try EmailAddress(field(user.email, "email"))
        )
    }

    /// Seals other data of the person (their photo) under their key, with the key id.
    func seal(_ plaintext: Data, of subject: UUID, context: PersonalDataCipher.Context, on database: any Database) async throws -> Data {
        let (keyID, key) = try await keys.key(of: subject, on: database)
        return try cipher.sealEnvelope(plaintext, with: key, keyID: keyID, context: context)
    }

    /// Opens what `seal(_:of:context:on:)` sealed, or the same data sealed before the key id existed.
    func open(_ ciphertext: Data, of subject: UUID, context: PersonalDataCipher.Context, on database: any Database) async throws -> Data {
        let (keyID, key) = try await keys.key(of: subject, on: database)
        return try cipher.openEnvelope(ciphertext, with: key, keyID: keyID, context: context)
    }

    @available(*, unavailable, message: "the key lives in person_keys now: use `try await vault.open(user, on: database)`")
    func open(_ user: User) throws -> Person { fatalError("unavailable") }

    @available(*, unavailable, message: "the key lives in person_keys now: use `try await vault.update(user, with: person, on: database)`")
    func update(_ user: User, with person: Person) throws { fatalError("unavailable") }

    @available(*, unavailable, message: "the key lives in person_keys now: use `try await vault.makeUser(person, passwordHash:, on: database)`")
    func makeUser(_ person: Person, passwordHash: String) throws -> User { fatalError("unavailable") }

    private func write(_ person: Person, into user: User, keyID: UUID, key: SymmetricKey) throws {
        func seal(_ value: String, _ column: String) throws -> Data {
            try cipher.sealEnvelope(Data(value.utf8), with: key, keyID: keyID, context: .init(table: "users", column: column, row: person.id))
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
