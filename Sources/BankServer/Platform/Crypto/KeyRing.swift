import Crypto
import Foundation

/// The keys of the process. Two kinds, so the master key can rotate (`bizbank keys rotate`) without re-encrypting
/// data or recomputing indexes:
///
/// - **key-encryption keys**, one per master key version, derived from that version's master key with HKDF-SHA256:
///   they wrap each person's own key (`person_keys`) and the system keys (`system_keys`), and nothing else;
/// - **system keys** (system data, blind index, OTP, audit chain, audit anchor), each derived once from the first
///   master key with HKDF-SHA256 under its own label, then kept wrapped in `system_keys` (`KeyRingStore`), so
///   they do not change when the master key does. No key serves two purposes.
struct KeyRing: Sendable {
    /// The five system keys. `derived(from:)` is the one derivation they ever had, so a database written before
    /// the keys were stored keeps working.
    struct SystemKeys: Sendable {
        /// Encrypts system-held personal data that has no subject key (SMS outbox, challenge context).
        let systemData: SymmetricKey
        /// HMAC blind indexes for looking up encrypted phone / IIN / e-mail.
        let blindIndex: SymmetricKey
        /// HMAC of one-time codes; the code itself is never stored.
        let otp: SymmetricKey
        /// §5.1: HMAC-SHA256 of each audit chain link (`AuditLog.hash(of:key:)`).
        let auditChain: SymmetricKey
        /// §5.1: HMAC-SHA256 signing each anchor of the audit chain's head (`AuditAnchor`).
        let auditAnchor: SymmetricKey

        static func derived(from masterKey: Data) -> SystemKeys {
            SystemKeys(
                systemData: KeyRing.derive(masterKey, "system-data"),
                blindIndex: KeyRing.derive(masterKey, "blind-index"),
                otp: KeyRing.derive(masterKey, "otp"),
                auditChain: KeyRing.derive(masterKey, "audit-chain"),
                auditAnchor: KeyRing.derive(masterKey, "audit-anchor")
            )
        }

        /// 160 bytes: the five keys in a fixed order (the plaintext `KeyRingStore` wraps).
        var serialized: Data {
            [systemData, blindIndex, otp, auditChain, auditAnchor].reduce(into: Data()) { data, key in
                key.withUnsafeBytes { data.append(contentsOf: $0) }
            }
        }

        init(systemData: SymmetricKey, blindIndex: SymmetricKey, otp: SymmetricKey, auditChain: SymmetricKey, auditAnchor: SymmetricKey) {
            self.systemData = systemData
            self.blindIndex = blindIndex
            self.otp = otp
            self.auditChain = auditChain
            self.auditAnchor = auditAnchor
        }

        init?(serialized data: Data) {
            guard data.count == 160 else { return nil }
            let bytes = Array(data)
            func key(_ index: Int) -> SymmetricKey { SymmetricKey(data: bytes[(index * 32)..<(index * 32 + 32)]) }
            self.init(systemData: key(0), blindIndex: key(1), otp: key(2), auditChain: key(3), auditAnchor: key(4))
        }
    }

    /// The master key version new wraps are made under (`BIZBANK_MASTER_KEY_VERSION`).
    let masterKeyVersion: Int
    /// Wraps each data subject's own key (crypto-shredding: destroy the wrapped key, the data is gone), by master
    /// key version: the current one, and during a rotation the previous one.
    let subjectKeyWrappingByVersion: [Int: SymmetricKey]
    /// Wraps the system keys, by master key version.
    let systemKeyWrappingByVersion: [Int: SymmetricKey]
    let system: SystemKeys

    var subjectKeyWrapping: SymmetricKey { subjectKeyWrappingByVersion[masterKeyVersion]! }
    var systemData: SymmetricKey { system.systemData }
    var blindIndex: SymmetricKey { system.blindIndex }
    var otp: SymmetricKey { system.otp }
    var auditChain: SymmetricKey { system.auditChain }
    var auditAnchor: SymmetricKey { system.auditAnchor }

    /// Every key from one master key (version 1): the layout before the system keys were stored.
    init(masterKey: Data) {
        self.init(masterKeys: [1: masterKey], current: 1, system: .derived(from: masterKey))
    }

    /// `masterKeys` must hold `current`; a previous version is there only while `bizbank keys rotate` has not run.
    init(masterKeys: [Int: Data], current: Int, system: SystemKeys) {
        masterKeyVersion = current
        subjectKeyWrappingByVersion = masterKeys.mapValues { Self.derive($0, "subject-key-wrapping") }
        systemKeyWrappingByVersion = masterKeys.mapValues { Self.derive($0, "system-key-wrapping") }
        self.system = system
    }

    static func derive(_ masterKey: Data, _ label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: masterKey),
            salt: Data("bizbank.v1".utf8),
            info: Data(label.utf8),
            outputByteCount: 32
        )
    }
}
