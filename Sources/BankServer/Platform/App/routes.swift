import BankAPI
import Prometheus
import Vapor

/// The route table: the only place a route is registered. Each operation is an `Endpoints` value of BankAPI (its
/// path is the endpoint's template, written nowhere else) with its handler, a static function of a caseless
/// controller enum. The groups are the tiers, each with its middleware, so "who may call what" reads from here:
///
/// - public: no session;
/// - session: a client's session, before the policy gate (accepting a new edition, signing out, the export, §5.2);
/// - signed in: the edition in force accepted (`PolicyGate`); every write takes `Idempotency-Key`;
/// - company scope: paths with `{companyId}`, the caller's membership loaded (`CompanyScope`), and within it the
///   company-role groups of BankCore's matrix (`CompanyRole.permits`): `prepare`, `manage`;
/// - staff, and within it the staff-role groups (`StaffRoles`).
///
/// One section per area: `routes+Identity.swift`, `routes+Money.swift`, `routes+Privacy.swift`,
/// `routes+Services.swift`, `routes+Staff.swift`. `EndpointRoutes.swift` refuses at start-up an endpoint on the
/// wrong tier or a `{companyId}` path outside the company scope; `RouteTableTests` walks the result.
func routes(_ app: Application, registry: PrometheusCollectorRegistry) throws {
    let tiers = RouteTiers(app)
    operationsRoutes(tiers, registry: registry)
    identityRoutes(tiers)
    moneyRoutes(tiers)
    privacyRoutes(tiers)
    serviceRoutes(tiers, documentBytes: app.bank.config.documents.maxBytes)
    staffRoutes(tiers)

    // pages, not API operations
    app.get("policy", use: PolicyController.page)
    if !app.bank.config.isProduction {
        // development only: the outboxes and the staff authenticator codes
        app.get("dev", "sms", use: DevController.sms)
        app.get("dev", "email", use: DevController.email)
        app.get("dev", "staff-codes", use: DevController.staffCodes)
    }
}

/// The tiers as groups, built once.
struct RouteTiers {
    let open: TierRoutes
    let session: TierRoutes
    let signedIn: TierRoutes
    let company: TierRoutes
    let staff: TierRoutes

    init(_ app: Application) {
        open = app.tier(.public)
        session = app.tier(.signedIn, SessionAuthenticator(), IdempotencyMiddleware())
        signedIn = session.tier(.signedIn, PolicyGate())
        company = signedIn.companyScope()
        staff = app.tier(.staff, StaffAuthenticator())
    }
}

/// Liveness, readiness, metrics and the OpenAPI document.
func operationsRoutes(_ tiers: RouteTiers, registry: PrometheusCollectorRegistry) {
    let open = tiers.open
    open.on(Endpoints.Operations.getHealthLive, use: HealthController.live)
    open.on(Endpoints.Operations.getHealthReady, use: HealthController.ready)
    open.on(Endpoints.Operations.getMetrics) { req in try await HealthController.metrics(req: req, registry: registry) }
    open.on(Endpoints.Operations.getOpenAPIDocument, use: HealthController.openAPI)
}
