import BankAPI
import BankClient
import BankClientAsyncHTTP
import Crypto
import Foundation
import Vapor

/// The web bank (issue 12), mounted at `/` for clients and `/staff` for bank staff. It reaches the API only through
/// BankClient over HTTP, with the signed-in person's own token: no database, no privilege of its own.
public struct WebConfig: Sendable {
    /// Where the API is; nil means this same process (the address the server is listening on).
    public var apiBaseURL: URL?
    /// Secure cookies with the `__Host-` prefix; relaxed only for development on loopback.
    public var secureCookies: Bool

    public init(apiBaseURL: URL?, secureCookies: Bool) {
        self.apiBaseURL = apiBaseURL
        self.secureCookies = secureCookies
    }
}

public enum BankWeb {
    /// Registers the web routes, the static assets and the security headers.
    public static func mount(_ app: Application, config: WebConfig) throws {
        app.storage[ConfigKey.self] = config
        let web = app.grouped(WebGuard())
        WebRoutes.register(web)
        StaffRoutes.register(web)
        StaticAssets.register(web)
    }

    struct ConfigKey: StorageKey { typealias Value = WebConfig }

    static let transport = AsyncHTTPClientTransport(timeout: .seconds(30))
}

/// Headers on every page and asset: a Content-Security-Policy with no inline script and no other origin, no framing,
/// no referrer, no caching of pages; HTML errors instead of problem documents; and the CSRF check on every POST.
struct WebGuard: AsyncMiddleware {
    static let csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; manifest-src 'self'; "
        + "worker-src 'self'"

    /// The largest form the web bank takes: a document upload (10 MB by default) with its fields.
    static let maxBody = 12 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            if request.method == .POST {
                // the form token is in the body: read it whole first (a body larger than one network read arrives
                // as a stream, which the route would only collect after this check)
                if request.body.data == nil { _ = try await request.body.collect(max: Self.maxBody).get() }
                try Web(request).checkCSRF()
            }
            response = try await next.respond(to: request)
        } catch {
            response = try await ErrorPage.response(for: error, request: request)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.csp)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=()")
        if !request.url.path.hasPrefix("/static/") { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }
}

/// One request's view of the web bank: its language, its cookies, its client to the API.
struct Web {
    let request: Request
    let language: Language
    let config: WebConfig

    init(_ request: Request) {
        self.request = request
        config = request.application.storage[BankWeb.ConfigKey.self] ?? WebConfig(apiBaseURL: nil, secureCookies: false)
        language = Language.choose(cookie: request.cookies["lang"]?.string, acceptLanguage: request.headers.first(name: .acceptLanguage))
    }

    func t(_ key: String) -> String { WebStrings.bundled.text(key, language) }

    // MARK: cookies

    var sessionCookieName: String { config.secureCookies ? "__Host-bizbank-session" : "bizbank-session" }
    var staffCookieName: String { config.secureCookies ? "__Host-bizbank-staff" : "bizbank-staff" }
    var csrfCookieName: String { config.secureCookies ? "__Host-bizbank-csrf" : "bizbank-csrf" }
    var deviceCookieName: String { config.secureCookies ? "__Host-bizbank-device" : "bizbank-device" }

    var token: String? { request.cookies[sessionCookieName]?.string }
    var staffToken: String? { request.cookies[staffCookieName]?.string }

    func cookie(_ value: String, maxAge: Int? = nil) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value,
            maxAge: maxAge,
            path: "/",
            isSecure: config.secureCookies,
            isHTTPOnly: true,
            sameSite: .strict
        )
    }

    /// The double-submit token: a random value in an HttpOnly, SameSite=Strict cookie, repeated in every form.
    var csrf: String {
        if let existing = request.cookies[csrfCookieName]?.string, existing.count >= 32 { return existing }
        if let made = request.storage[CSRFKey.self] { return made }
        let made = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        request.storage[CSRFKey.self] = made
        return made
    }

    struct CSRFKey: StorageKey { typealias Value = String }

    func checkCSRF() throws {
        let sent = (try? request.content.get(String.self, at: "_csrf")) ?? request.headers.first(name: "X-CSRF-Token")
        guard let cookie = request.cookies[csrfCookieName]?.string, let sent,
            Data(SHA256.hash(data: Data(cookie.utf8))) == Data(SHA256.hash(data: Data(sent.utf8)))
        else { throw Abort(.forbidden, reason: "csrf") }
    }

    /// A stable, non-secret id for this browser, so the bank sees one device per browser.
    var deviceID: String {
        if let id = request.cookies[deviceCookieName]?.string, !id.isEmpty { return id }
        if let made = request.storage[DeviceKey.self] { return made }
        let made = "web-" + UUID().uuidString.lowercased()
        request.storage[DeviceKey.self] = made
        return made
    }

    struct DeviceKey: StorageKey { typealias Value = String }

    var device: DeviceDescriptor {
        let agent = request.headers.first(name: .userAgent) ?? ""
        let name = agent.contains("Android") ? "Android browser" : agent.contains("iPhone") ? "iPhone browser" : "Web browser"
        return DeviceDescriptor(id: deviceID, name: name, platform: "web", appVersion: "web-1")
    }

    /// Sets the cookies this request made (CSRF, device) on the answer.
    func finish(_ response: Response) -> Response {
        if request.cookies[csrfCookieName]?.string == nil { response.cookies[csrfCookieName] = cookie(csrf, maxAge: 60 * 60 * 12) }
        if let device = request.storage[DeviceKey.self] { response.cookies[deviceCookieName] = cookie(device, maxAge: 60 * 60 * 24 * 365) }
        return response
    }

    // MARK: the API

    var apiBaseURL: URL {
        if let url = config.apiBaseURL { return url }
        let port = request.application.http.server.shared.localAddress?.port ?? request.application.http.server.configuration.port
        return URL(string: "http://127.0.0.1:\(port)")!
    }

    /// The hops this request came through, for the API's per-IP limits and access log: the chain the browser's
    /// request carried (the API believes only its own proxies' part of it) and the peer that reached the web tier.
    var forwardedFor: String {
        let peer = request.remoteAddress?.ipAddress ?? "unknown"
        let chain = request.headers[.xForwardedFor].joined(separator: ",")
        return chain.isEmpty ? peer : chain + ", " + peer
    }

    var transport: any HTTPTransport { ForwardingTransport(base: BankWeb.transport, forwardedFor: forwardedFor) }

    /// The signed-in person's client, or a public one.
    func client(token: String? = nil) -> BankClient {
        BankClient(
            baseURL: apiBaseURL,
            language: language.rawValue,
            transport: transport,
            tokens: InMemoryTokenStore(token: token ?? self.token),
            retry: RetryPolicy(maxAttempts: 2)
        )
    }

    func staffClient() -> StaffClient {
        StaffClient(
            baseURL: apiBaseURL,
            language: language.rawValue,
            transport: transport,
            tokens: InMemoryTokenStore(token: staffToken)
        )
    }

    // MARK: answers

    func page(_ title: String, _ body: Markup, signedIn: Bool = true, status: HTTPResponseStatus = .ok) -> Response {
        let html = Layout.page(self, title: title, body: body, signedIn: signedIn)
        let headers: HTTPHeaders = ["Content-Type": "text/html; charset=utf-8", "Content-Language": language.rawValue]
        let response = Response(status: status, headers: headers, body: .init(string: html.html))
        return finish(response)
    }

    func redirect(_ path: String) -> Response {
        finish(Response(status: .seeOther, headers: ["Location": path]))
    }

    func form(_ name: String) -> String { ((try? request.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Adds the browser's `X-Forwarded-For` chain to every API call of one page.
struct ForwardingTransport: HTTPTransport {
    let base: any HTTPTransport
    let forwardedFor: String

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        var request = request
        request.headers["X-Forwarded-For"] = forwardedFor
        return try await base.send(request)
    }
}
