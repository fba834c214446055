import BankAPI
import Foundation

/// The bank staff's way to the API (the staff console): sign-in with the second factor, then only staff
/// operations. Its token never reaches a client operation, and a client's token never a staff one.
public final class StaffClient: Sendable {
    let client: BankClient

    public init(
        baseURL: URL,
        language: String = "kk",
        transport: any HTTPTransport = URLSessionTransport(),
        tokens: any TokenStore = InMemoryTokenStore(),
        retry: RetryPolicy = RetryPolicy()
    ) {
        client = BankClient(
            baseURL: baseURL,
            language: language,
            transport: transport,
            tokens: tokens,
            retry: retry,
            sleeper: TaskSleeper(),
            tiers: [.staff, .public]
        )
    }

    /// Username, password and the 6-digit code from the authenticator app (RFC 6238).
    @discardableResult
    public func signIn(username: String, password: String, code: String) async throws -> StaffSignInResponse {
        let answer = try await client.send(
            Endpoints.Staff.staffSignIn,
            body: StaffSignInRequest(username: username, password: password, code: code)
        )
        await client.tokens.setToken(answer.token)
        return answer
    }

    public func signOut() async throws {
        do {
            _ = try await client.send(Endpoints.Staff.staffSignOut, options: BankClient.Options())
        } catch {
            await client.tokens.setToken(nil)
            throw error
        }
        await client.tokens.setToken(nil)
    }

    public func send<P, B, O>(_ endpoint: Endpoint<P, B, O>, _ parameters: P, body: B, query: [URLQueryItem] = []) async throws -> O {
        try await client.send(endpoint, parameters, body: body, options: BankClient.Options(query: query))
    }

    public func send<P, O>(_ endpoint: Endpoint<P, NoBody, O>, _ parameters: P, query: [URLQueryItem] = []) async throws -> O {
        try await client.send(endpoint, parameters, body: NoBody(), options: BankClient.Options(query: query))
    }

    public func send<B, O>(_ endpoint: Endpoint<NoParameters, B, O>, body: B) async throws -> O {
        try await client.send(endpoint, NoParameters(), body: body, options: BankClient.Options())
    }

    public func send<O>(_ endpoint: Endpoint<NoParameters, NoBody, O>, query: [URLQueryItem] = []) async throws -> O {
        try await client.send(endpoint, NoParameters(), body: NoBody(), options: BankClient.Options(query: query))
    }

    /// Every item of a paged staff list.
    public func pages<P, Item>(
        _ endpoint: Endpoint<P, NoBody, ListPage<Item>>,
        _ parameters: P,
        query: [URLQueryItem] = []
    )
        -> AsyncThrowingStream<Item, any Error>
    {
        client.pages(endpoint, parameters, query: query)
    }
}
