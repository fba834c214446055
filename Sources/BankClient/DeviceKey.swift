import BankAPI
import Crypto
import Foundation

/// The device's P-256 signing key (§1.1: biometrics unlock it on the phone; the bank sees only the public key).
/// It proves possession at sign-in by signing the server's nonce (review H5).
public protocol DeviceKey: Sendable {
    /// X9.63 uncompressed, what `POST /me/device-key` enrols.
    var publicKey: Data { get }
    func signature(for nonce: Data) async throws -> Data
}

extension DeviceKey {
    /// The enrolment body for `Endpoints.Profile.enrolDeviceKey`.
    public var enrolment: DeviceKeyEnrolment { DeviceKeyEnrolment(publicKey: publicKey.base64EncodedString()) }

    func sign(_ challenge: DeviceChallenge) async throws -> DeviceSignInRequest {
        guard let nonce = Data(base64Encoded: challenge.nonce) else { throw BankClientError.unexpectedResponse(status: 200) }
        return DeviceSignInRequest(challengeId: challenge.challengeId, signature: try await signature(for: nonce).base64EncodedString())
    }
}

/// A software key kept in a file readable by its owner only (0600): the Linux and test stand-in for the Secure
/// Enclave. The file holds the raw private key; losing it means enrolling a new key.
public struct FileDeviceKey: DeviceKey {
    private let key: P256.Signing.PrivateKey

    /// Loads the key at `url`, or creates one there with permissions 0600.
    public init(url: URL) throws {
        let manager = FileManager.default
        if let data = manager.contents(atPath: url.path) {
            key = try P256.Signing.PrivateKey(rawRepresentation: data)
            return
        }
        key = P256.Signing.PrivateKey()
        guard manager.createFile(atPath: url.path, contents: key.rawRepresentation, attributes: [.posixPermissions: 0o600]) else {
            throw BankClientError.transport("cannot write the device key file")
        }
    }

    public var publicKey: Data { key.publicKey.x963Representation }

    public func signature(for nonce: Data) async throws -> Data { try key.signature(for: nonce).derRepresentation }
}

#if canImport(CryptoKit) && (os(iOS) || os(macOS))
import CryptoKit

/// The key inside the Secure Enclave, behind the device's biometrics; `dataRepresentation` is an opaque handle the
/// app keeps in the Keychain, never the key itself.
@available(iOS 17, macOS 14, *)
public struct SecureEnclaveDeviceKey: DeviceKey {
    private let key: SecureEnclave.P256.Signing.PrivateKey

    public init(dataRepresentation: Data? = nil) throws {
        if let dataRepresentation {
            key = try SecureEnclave.P256.Signing.PrivateKey(dataRepresentation: dataRepresentation)
        } else {
            let access = SecAccessControlCreateWithFlags(
                nil,
                kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
                [.privateKeyUsage, .biometryCurrentSet],
                nil
            )
            key = try SecureEnclave.P256.Signing.PrivateKey(accessControl: access!)
        }
    }

    public var dataRepresentation: Data { key.dataRepresentation }
    public var publicKey: Data { key.publicKey.x963Representation }
    public func signature(for nonce: Data) async throws -> Data { try key.signature(for: nonce).derRepresentation }
}
#endif
