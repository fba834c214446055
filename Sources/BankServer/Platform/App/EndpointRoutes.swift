import BankAPI
import Vapor

/// The route table registers the `Endpoints` of BankAPI with their handlers (issue 11): the path is the endpoint's
/// template, written nowhere else, and the handler must answer the endpoint's `Output` — plainly (200) or as a
/// `Reply` that picks the status — so a handler whose type disagrees with the contract does not compile. An endpoint
/// whose Output is `NoContent` (204, a file, a page) is answered with a `Response` or a status.
extension RoutesBuilder {
    /// 200 with the Output.
    @discardableResult
    func on<Parameters, Body, Output: Content>(
        _ endpoint: Endpoint<Parameters, Body, Output>,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Output
    ) -> Route {
        register(endpoint.erased, body: body, use: handler)
    }

    /// The Output with the status and headers the handler picks, or a code challenge first (`Reply`).
    @discardableResult
    func on<Parameters, Body, Output: Content>(
        _ endpoint: Endpoint<Parameters, Body, Output>,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Reply<Output>
    ) -> Route {
        register(endpoint.erased, body: body, use: handler)
    }

    /// No JSON Output to type: 204, a file, a page.
    @discardableResult
    func on<Parameters, Body, Answer: AsyncResponseEncodable & VaporSendableMetatype>(
        _ endpoint: Endpoint<Parameters, Body, NoContent>,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Answer
    ) -> Route {
        register(endpoint.erased, body: body, use: handler)
    }

    /// Checks the tier of the group (`TierRoutes`), then registers the template's path; the route keeps the operation's id.
    private func register<Answer: AsyncResponseEncodable & VaporSendableMetatype>(
        _ endpoint: AnyEndpoint,
        body: HTTPBodyStreamStrategy,
        use handler: @escaping @Sendable (Request) async throws -> Answer
    ) -> Route {
        let group = self as? TierRoutes
        let tier = group?.tier
        precondition(tier == endpoint.auth, "\(endpoint) is \(endpoint.auth), registered on \(tier.map { "\($0)" } ?? "a group without a tier")")
        let companyPath = endpoint.template.contains("{companyId}")
        precondition(companyPath == (group?.companyScoped ?? false), "\(endpoint): a {companyId} path belongs in the company scope, and only it")
        let path = endpoint.template.split(separator: "/").map { part -> PathComponent in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
        }
        let route = on(HTTPMethod(rawValue: endpoint.method.rawValue), path, body: body, use: handler)
        route.userInfo[TierRoutes.operationKey] = endpoint.operationID
        route.userInfo[TierRoutes.guardKey] = group?.guardName
        return route
    }

    /// A middleware-only group for the endpoints of one tier.
    func tier(_ tier: AuthTier, _ middleware: any Middleware...) -> TierRoutes {
        TierRoutes(tier: tier, base: grouped(middleware), guardName: nil)
    }
}

/// Routes behind the middleware of one auth tier (public; a client's session; a staff session): registering an endpoint
/// of another tier on it stops the server at start-up.
struct TierRoutes: RoutesBuilder {
    /// The route's `userInfo` key for the `operationId` it was registered with.
    static let operationKey = "endpoint.operationId"
    /// The route's `userInfo` key for the guard of its group: "company", "company.manage", "staff.fraud", or nil.
    static let guardKey = "endpoint.guard"
    let tier: AuthTier
    let base: any RoutesBuilder
    /// The company-scope tier (`companyScope()`): the membership of `{companyId}` is loaded before the handler.
    var companyScoped = false
    var guardName: String?

    func add(_ route: Route) { base.add(route) }
}
