import Crypto
import Foundation

/// Keys derived from the master key with HKDF-SHA256, one per use, so no key serves two purposes.
struct KeyRing: Sendable {
    /// Wraps each data subject's own key (crypto-shredding: destroy the wrapped key, the data is gone).
    let subjectKeyWrapping: SymmetricKey
    /// Encrypts system-held personal data that has no subject key yet (SMS outbox, challenge context).
    let systemData: SymmetricKey
    /// HMAC blind indexes for looking up encrypted phone / IIN / e-mail.
    let blindIndex: SymmetricKey
    /// HMAC of one-time codes; the code itself is never stored.
    let otp: SymmetricKey

    init(masterKey: Data) {
        let master = SymmetricKey(data: masterKey)
        func derive(_ label: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, salt: Data("bizbank.v1".utf8), info: Data(label.utf8), outputByteCount: 32)
        }
        subjectKeyWrapping = derive("subject-key-wrapping")
        systemData = derive("system-data")
        blindIndex = derive("blind-index")
        otp = derive("otp")
    }
}
