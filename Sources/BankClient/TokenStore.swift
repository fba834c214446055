import Foundation

/// Where the session token lives between calls: the Keychain in an iOS app, memory or a 0600 file on a server.
/// The SDK never writes a token anywhere else: not to logs, not into an error.
public protocol TokenStore: Sendable {
    func token() async -> String?
    func setToken(_ token: String?) async
}

public actor InMemoryTokenStore: TokenStore {
    private var stored: String?

    public init(token: String? = nil) { stored = token }

    public func token() async -> String? { stored }
    public func setToken(_ token: String?) async { stored = token }
}

/// A token kept in a file only its owner may read (0600), for a server-side or command-line user of the SDK. The
/// file holds the token and nothing else; removing the token removes the file.
public actor FileTokenStore: TokenStore {
    public let url: URL

    public init(url: URL) { self.url = url }

    public func token() async -> String? {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8), !text.isEmpty else { return nil }
        return text
    }

    public func setToken(_ token: String?) async {
        guard let token else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        // created 0600 before the token is written, so it is never readable by others, not even for a moment
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try? Data(token.utf8).write(to: url)
    }
}

#if canImport(Security)
import Security

/// The token in the Keychain of an iOS or macOS app: this device only, readable after the first unlock, never
/// backed up to another device.
public actor KeychainTokenStore: TokenStore {
    public let service: String
    public let account: String

    public init(service: String = "kz.bizbank.session", account: String = "token") {
        self.service = service
        self.account = account
    }

    private var query: [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service, kSecAttrAccount as String: account]
    }

    public func token() async -> String? {
        var request = query
        request[kSecReturnData as String] = true
        request[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        guard SecItemCopyMatching(request as CFDictionary, &item) == errSecSuccess, let data = item as? Data else { return nil }
        return String(data: data, encoding: .utf8)
    }

    public func setToken(_ token: String?) async {
        SecItemDelete(query as CFDictionary)
        guard let token else { return }
        var item = query
        item[kSecValueData as String] = Data(token.utf8)
        item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        SecItemAdd(item as CFDictionary, nil)
    }
}
#endif
