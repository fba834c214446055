import Crypto
import Foundation

/// AES-GCM encryption of personal data at rest (ARCHITECTURE.md privacy model, §5.1).
/// Each value is bound to its table, column and row through the associated data, so a ciphertext
/// copied into another row or column fails to open.
struct PersonalDataCipher: Sendable {
    let keys: KeyRing

    struct Context: Sendable {
        let table: String
        let column: String
        let row: UUID

        var associatedData: Data { Data("\(table).\(column).\(row.uuidString)".utf8) }
    }

    /// A fresh random key for a new data subject, returned with its wrapped (storable) form under the current
    /// master key version.
    func newSubjectKey(for subject: UUID) throws -> (key: SymmetricKey, wrapped: Data) {
        let key = SymmetricKey(size: .bits256)
        return (key, try wrapSubjectKey(key, for: subject))
    }

    /// Wraps a subject key under the current master key version's key-encryption key.
    func wrapSubjectKey(_ key: SymmetricKey, for subject: UUID) throws -> Data {
        let raw = key.withUnsafeBytes { Data($0) }
        return try seal(raw, with: keys.subjectKeyWrapping, context: Context(table: "subject", column: "key", row: subject))
    }

    /// Unwraps a subject key wrapped under `masterKeyVersion` (default: the current one); fails when that
    /// version's master key is not configured.
    func unwrapSubjectKey(_ wrapped: Data, for subject: UUID, masterKeyVersion: Int? = nil) throws -> SymmetricKey {
        guard let wrapping = keys.subjectKeyWrappingByVersion[masterKeyVersion ?? keys.masterKeyVersion] else {
            throw CipherError.masterKeyVersionUnavailable(masterKeyVersion ?? keys.masterKeyVersion)
        }
        return SymmetricKey(data: try open(wrapped, with: wrapping, context: Context(table: "subject", column: "key", row: subject)))
    }

    /// Unwraps a subject key whose master key version is not recorded (invitations): the current version first, then
    /// any other configured one; returns the version that opened it.
    func unwrapSubjectKeyOfAnyVersion(_ wrapped: Data, for subject: UUID) throws -> (key: SymmetricKey, masterKeyVersion: Int) {
        let versions = [keys.masterKeyVersion] + keys.subjectKeyWrappingByVersion.keys.filter { $0 != keys.masterKeyVersion }.sorted(by: >)
        var failure: (any Error)?
        for version in versions {
            do {
                return (try unwrapSubjectKey(wrapped, for: subject, masterKeyVersion: version), version)
            } catch {
                failure = failure ?? error
            }
        }
        throw failure ?? CipherError.masterKeyVersionUnavailable(keys.masterKeyVersion)
    }

    // MARK: The key-id envelope (§3.2, crypto-shredding)

    /// `BKE` and format version 1, then the 16-byte id of the key (a `person_keys` row), then AES-GCM's nonce,
    /// ciphertext and tag. The key id is authenticated with the data, so a ciphertext names the key that opens it
    /// and nothing else: a database copy holds no key, only the id of a row the live key table may no longer have.
    static let envelopeMagic: [UInt8] = [0x42, 0x4B, 0x45, 0x01]

    func sealEnvelope(_ plaintext: Data, with key: SymmetricKey, keyID: UUID, context: Context) throws -> Data {
        let id = keyID.rawBytes
        guard let combined = try AES.GCM.seal(plaintext, using: key, authenticating: context.associatedData + id).combined else {
            throw CipherError.sealFailed
        }
        return Data(Self.envelopeMagic) + id + combined
    }

    /// The key id a ciphertext carries, or nil for the format before the envelope (nonce, ciphertext, tag).
    static func envelopeKeyID(_ ciphertext: Data) -> UUID? {
        let bytes = Array(ciphertext.prefix(20))
        guard bytes.count == 20, Array(bytes[0..<4]) == envelopeMagic else { return nil }
        return UUID(
            uuid: (
                bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                bytes[12], bytes[13], bytes[14], bytes[15], bytes[16], bytes[17], bytes[18], bytes[19]
            )
        )
    }

    /// Opens either format: the envelope under the key `keyID` names (it must match), or the older bare AES-GCM.
    func openEnvelope(_ ciphertext: Data, with key: SymmetricKey, keyID: UUID, context: Context) throws -> Data {
        if let carried = Self.envelopeKeyID(ciphertext), carried == keyID {
            let box = try AES.GCM.SealedBox(combined: Data(ciphertext.dropFirst(20)))
            return try AES.GCM.open(box, using: key, authenticating: context.associatedData + keyID.rawBytes)
        }
        return try open(ciphertext, with: key, context: context)
    }

    func seal(_ plaintext: String, with key: SymmetricKey, context: Context) throws -> Data {
        try seal(Data(plaintext.utf8), with: key, context: context)
    }

    func seal(_ plaintext: Data, with key: SymmetricKey, context: Context) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key, authenticating: context.associatedData).combined else {
            throw CipherError.sealFailed
        }
        return combined
    }

    func open(_ ciphertext: Data, with key: SymmetricKey, context: Context) throws -> Data {
        let box = try AES.GCM.SealedBox(combined: ciphertext)
        return try AES.GCM.open(box, using: key, authenticating: context.associatedData)
    }

    func openString(_ ciphertext: Data, with key: SymmetricKey, context: Context) throws -> String {
        String(decoding: try open(ciphertext, with: key, context: context), as: UTF8.self)
    }

    /// The blind index: HMAC-SHA256 of the canonical value under a purpose label, hex encoded.
    func blindIndex(_ canonicalValue: String, kind: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(canonicalValue)".utf8), using: keys.blindIndex).hexString
    }

    enum CipherError: Error, CustomStringConvertible {
        case sealFailed
        /// A key is wrapped under a master key version that is not configured (see `bizbank keys rotate`).
        case masterKeyVersionUnavailable(Int)

        var description: String {
            switch self {
            case .sealFailed: "sealing failed"
            case .masterKeyVersionUnavailable(let version): "master key version \(version) is not configured"
            }
        }
    }
}

extension UUID {
    /// The 16 bytes of the UUID, in order.
    var rawBytes: Data {
        withUnsafeBytes(of: uuid) { Data($0) }
    }
}

extension HashedAuthenticationCode {
    var hexString: String { Data(self).hexString }
}
