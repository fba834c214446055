import BankAPI
import Crypto
import Foundation

/// A passkey's assertion (WebAuthn Level 2, §7.2 "Verifying an Authentication Assertion", ES256), checked against
/// the nonce the server issued and the device's public key: the biometric never leaves the device, the server keeps
/// only the public key (§1.1). Attestation is not asked for ("none"); the key was enrolled in a signed-in session
/// with a step-up code, like an app's device key.
enum WebAuthnAssertionCheck {
    struct ClientData: Decodable {
        var type: String
        var challenge: String
        var origin: String
    }

    /// User present (UP) and user verified (UV) flags of the authenticator data.
    static let userPresent: UInt8 = 0x01
    static let userVerified: UInt8 = 0x04

    static func verifies(
        _ assertion: WebAuthnAssertion,
        signature encoded: String,
        nonce: Data,
        key: P256.Signing.PublicKey,
        allowedOrigins: Set<String>
    ) -> Bool {
        guard assertion.authenticatorData.utf8.count <= 1024, assertion.clientDataJSON.utf8.count <= 2048,
            let authenticatorData = Data(base64URL: assertion.authenticatorData), authenticatorData.count >= 37,
            let clientDataJSON = Data(base64URL: assertion.clientDataJSON),
            let clientData = try? JSONDecoder().decode(ClientData.self, from: clientDataJSON),
            clientData.type == "webauthn.get",
            clientData.challenge == nonce.base64URLEncodedString(),
            allowedOrigins.contains(clientData.origin),
            let host = URL(string: clientData.origin)?.host,
            Data(SHA256.hash(data: Data(host.utf8))) == authenticatorData.prefix(32),
            authenticatorData[authenticatorData.startIndex + 32] & userPresent != 0,
            authenticatorData[authenticatorData.startIndex + 32] & userVerified != 0,
            let signatureData = Data(base64URL: encoded),
            let signature = try? P256.Signing.ECDSASignature(derRepresentation: signatureData)
        else { return false }
        // ES256: ECDSA P-256 with SHA-256 over authenticatorData ‖ SHA-256(clientDataJSON)
        let signed = authenticatorData + Data(SHA256.hash(data: clientDataJSON))
        return key.isValidSignature(signature, for: signed)
    }
}

extension Data {
    /// Base64url (RFC 4648 §5) or standard base64, with or without padding.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
