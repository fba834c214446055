import Fluent
import Foundation

/// A person's own data key, wrapped by the key-encryption key of master key version `masterKeyVersion`, kept apart
/// from the data it protects (crypto-shredding, Law 94-V art. 18, 24). Every ciphertext sealed under it carries
/// `id` (the key-id envelope, `PersonalDataCipher.sealEnvelope`); the user row holds no key.
///
/// Destroying the person overwrites `wrapped` with random bytes, sets `destroyedAt` and then deletes the row, in one
/// transaction (`PersonKeys.destroy`): from then on, no copy of the data opens against the live key table.
final class PersonKey: Model, @unchecked Sendable {
    static let schema = "person_keys"

    /// The key id, carried in every ciphertext sealed under the key; a random id that says nothing about its owner.
    @ID(key: .id) var id: UUID?
    /// The user the key belongs to (one key per person; no foreign key, so the key's life is its own).
    @Field(key: "subject_id") var subjectID: UUID
    /// AES-GCM of the 32-byte key under the master key version's key-encryption key, bound to `subjectID`.
    @Field(key: "wrapped") var wrapped: Data
    @Field(key: "master_key_version") var masterKeyVersion: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Set by the overwrite that precedes the row's deletion.
    @OptionalField(key: "destroyed_at") var destroyedAt: Date?

    init() {}
}
