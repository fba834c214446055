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

    /// A fresh random key for a new data subject, returned with its wrapped (storable) form.
    func newSubjectKey(for subject: UUID) throws -> (key: SymmetricKey, wrapped: Data) {
        let key = SymmetricKey(size: .bits256)
        let raw = key.withUnsafeBytes { Data($0) }
        let wrapped = try seal(raw, with: keys.subjectKeyWrapping, context: Context(table: "subject", column: "key", row: subject))
        return (key, wrapped)
    }

    func unwrapSubjectKey(_ wrapped: Data, for subject: UUID) throws -> SymmetricKey {
        SymmetricKey(data: try open(wrapped, with: keys.subjectKeyWrapping, context: Context(table: "subject", column: "key", row: subject)))
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

    enum CipherError: Error { case sealFailed }
}

extension HashedAuthenticationCode {
    var hexString: String { Data(self).hexString }
}
