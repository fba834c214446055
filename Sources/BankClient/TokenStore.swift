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
