import Fluent
import Foundation

/// The system keys (`KeyRing.SystemKeys`: system data, blind index, OTP, audit chain, audit anchor), wrapped by the
/// key-encryption key of master key version `masterKeyVersion`. One row, id `ring`. Kept wrapped so the master key
/// can rotate without re-encrypting system data or recomputing blind indexes (`bizbank keys rotate`).
final class SystemKeyRecord: Model, @unchecked Sendable {
    static let schema = "system_keys"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "wrapped") var wrapped: Data
    @Field(key: "master_key_version") var masterKeyVersion: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
