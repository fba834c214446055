import Crypto
import Fluent
import Foundation

/// Loads the process's `KeyRing` from the configured master key versions and the wrapped system keys
/// (`system_keys`), and re-wraps them when the master key rotates.
///
/// Master keys come from configuration: `BIZBANK_MASTER_KEY` is version `BIZBANK_MASTER_KEY_VERSION` (default 1);
/// during a rotation `BIZBANK_MASTER_KEY_PREVIOUS` holds the version before it. `bizbank keys rotate` re-wraps the
/// system keys and every person key under the current version; after it, the previous master key is no longer
/// needed and is removed from the configuration (and destroyed).
enum KeyRingStore {
    static let ringID = "ring"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The master keys the configuration holds, by version.
    static func masterKeys(_ config: AppConfig) -> [Int: Data] {
        var keys = [config.masterKeyVersion: config.masterKey]
        if let previous = config.previousMasterKey { keys[config.masterKeyVersion - 1] = previous }
        return keys
    }

    /// The key ring. At the first start the system keys are derived from the master key in use (the derivation they
    /// always had, so a database from before keeps its blind indexes and sealed data) and stored wrapped under it.
    static func load(_ config: AppConfig, on database: any Database) async throws -> KeyRing {
        let masters = masterKeys(config)
        let unwrapping = KeyRing(masterKeys: masters, current: config.masterKeyVersion, system: .derived(from: config.masterKey))
        if let row = try await SystemKeyRecord.find(ringID, on: database) {
            return KeyRing(masterKeys: masters, current: config.masterKeyVersion, system: try open(row, with: unwrapping))
        }
        let system = KeyRing.SystemKeys.derived(from: config.masterKey)
        let row = SystemKeyRecord()
        row.id = ringID
        row.wrapped = try wrap(system, with: unwrapping)
        row.masterKeyVersion = config.masterKeyVersion
        do {
            try await row.create(on: database)
        } catch {
            // another process stored them first: use theirs
            guard let stored = try await SystemKeyRecord.find(ringID, on: database) else { throw error }
            return KeyRing(masterKeys: masters, current: config.masterKeyVersion, system: try open(stored, with: unwrapping))
        }
        return KeyRing(masterKeys: masters, current: config.masterKeyVersion, system: system)
    }

    /// Re-wraps the system keys under the current master key version, if they are not already; true if it did.
    static func rewrap(_ keys: KeyRing, on database: any Database) async throws -> Bool {
        guard let row = try await SystemKeyRecord.find(ringID, on: database) else { return false }
        guard row.masterKeyVersion != keys.masterKeyVersion else { return false }
        let system = try open(row, with: keys)
        row.wrapped = try wrap(system, with: keys)
        row.masterKeyVersion = keys.masterKeyVersion
        try await row.save(on: database)
        return true
    }

    private static let associatedData = Data("system_keys.wrapped.ring".utf8)

    private static func wrap(_ system: KeyRing.SystemKeys, with keys: KeyRing) throws -> Data {
        guard let wrapping = keys.systemKeyWrappingByVersion[keys.masterKeyVersion],
            let combined = try AES.GCM.seal(system.serialized, using: wrapping, authenticating: associatedData).combined
        else { throw PersonalDataCipher.CipherError.sealFailed }
        return combined
    }

    private static func open(_ row: SystemKeyRecord, with keys: KeyRing) throws -> KeyRing.SystemKeys {
        guard let wrapping = keys.systemKeyWrappingByVersion[row.masterKeyVersion] else {
            throw Failure(
                description: "the system keys are wrapped under master key version \(row.masterKeyVersion), which is not configured "
                    + "(set BIZBANK_MASTER_KEY_PREVIOUS to it until `bizbank keys rotate` has run)"
            )
        }
        let plain: Data
        do {
            plain = try AES.GCM.open(AES.GCM.SealedBox(combined: row.wrapped), using: wrapping, authenticating: associatedData)
        } catch {
            throw Failure(description: "the master key configured as version \(row.masterKeyVersion) does not open the system keys (wrong key)")
        }
        guard let system = KeyRing.SystemKeys(serialized: plain) else { throw Failure(description: "the stored system keys are malformed") }
        return system
    }
}
