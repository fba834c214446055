import Crypto
import Fluent
import Foundation

/// The key table (`person_keys`): each person's own data key, wrapped under the current master key version and
/// kept apart from the data it protects (Law 94-V art. 18, 24; §3.2). A database copy of the data holds only key
/// ids; the key is opened from the live table, where destruction has deleted it.
struct PersonKeys: Sendable {
    let cipher: PersonalDataCipher

    /// The person's key is not in the key table: it was destroyed (or never existed).
    struct KeyDestroyed: Error, CustomStringConvertible {
        let subject: UUID
        var description: String { "the data key of \(subject) is not in the key table (destroyed)" }
    }

    /// A fresh key for `subject`, stored wrapped (inside the caller's transaction).
    func create(for subject: UUID, on database: any Database) async throws -> (id: UUID, key: SymmetricKey) {
        let (key, wrapped) = try cipher.newSubjectKey(for: subject)
        let row = PersonKey()
        row.id = UUID()
        row.subjectID = subject
        row.wrapped = wrapped
        row.masterKeyVersion = cipher.keys.masterKeyVersion
        try await row.create(on: database)
        return (try row.requireID(), key)
    }

    /// The person's key and its id, unwrapped under the master key version it was wrapped with.
    func key(of subject: UUID, on database: any Database) async throws -> (id: UUID, key: SymmetricKey) {
        guard let row = try await PersonKey.query(on: database).filter(\.$subjectID == subject).first() else {
            throw KeyDestroyed(subject: subject)
        }
        let key = try cipher.unwrapSubjectKey(row.wrapped, for: subject, masterKeyVersion: row.masterKeyVersion)
        return (try row.requireID(), key)
    }

    /// The keys of several people in one query (lists); a destroyed person is absent from the answer.
    func keys(of subjects: [UUID], on database: any Database) async throws -> [UUID: (id: UUID, key: SymmetricKey)] {
        guard !subjects.isEmpty else { return [:] }
        var keys: [UUID: (id: UUID, key: SymmetricKey)] = [:]
        for row in try await PersonKey.query(on: database).filter(\.$subjectID ~~ subjects).all() {
            let key = try cipher.unwrapSubjectKey(row.wrapped, for: row.subjectID, masterKeyVersion: row.masterKeyVersion)
            keys[row.subjectID] = (try row.requireID(), key)
        }
        return keys
    }

    /// Crypto-shredding: the wrapped key is overwritten with random bytes, then the row is deleted, in the caller's
    /// transaction. Every ciphertext sealed under the key, in this database or in any copy of it, names a key id the
    /// live table no longer has.
    func destroy(subject: UUID, at date: Date, on database: any Database) async throws {
        let rows = try await PersonKey.query(on: database).filter(\.$subjectID == subject).all()
        for row in rows {
            row.wrapped = SecureRandom.bytes(row.wrapped.count)
            row.destroyedAt = date
            try await row.save(on: database)
            try await row.delete(on: database)
        }
    }

    /// `bizbank keys rotate`: re-wraps every person key not yet under the current master key version, in batches of
    /// `batchSize` per transaction (idempotent: an interrupted run is finished by the next). Returns how many.
    func rewrapAll(on database: any Database, batchSize: Int = 500) async throws -> Int {
        let current = cipher.keys.masterKeyVersion
        var total = 0
        while true {
            let done = try await database.transaction { tx in
                let rows = try await PersonKey.query(on: tx).filter(\.$masterKeyVersion != current).limit(batchSize).all()
                for row in rows {
                    let key = try cipher.unwrapSubjectKey(row.wrapped, for: row.subjectID, masterKeyVersion: row.masterKeyVersion)
                    row.wrapped = try cipher.wrapSubjectKey(key, for: row.subjectID)
                    row.masterKeyVersion = current
                    try await row.save(on: tx)
                }
                return rows.count
            }
            total += done
            if done < batchSize { return total }
        }
    }
}

extension BankServices {
    var personKeys: PersonKeys { PersonKeys(cipher: cipher) }
}
