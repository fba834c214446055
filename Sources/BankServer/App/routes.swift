import Prometheus
import Vapor

/// The route table, by auth tier.
func routes(_ app: Application, registry: PrometheusCollectorRegistry) throws {
    // Operations
    let health = HealthController(registry: registry)
    app.get("health", "live", use: health.live)
    app.get("health", "ready", use: health.ready)
    app.get("metrics", use: health.metrics)
    app.get("api", "openapi.yaml", use: health.openAPI)

    let api = app.grouped("api", "v1")

    // Public: no session
    api.get("policy", "current", use: PolicyController().current)
    try api.register(collection: IdentityController())
    let security = SecurityController()
    api.post("security", "unauthorised-use", "start", use: security.start)
    api.post("security", "unauthorised-use", "confirm", use: security.confirm)

    // Signed in
    let signedIn = api.grouped(SessionAuthenticator())
    try signedIn.register(collection: ProfileController())
    signedIn.post("security", "unauthorised-use", use: security.reportSignedIn)
    try signedIn.register(collection: AccountsController())
    try signedIn.register(collection: PaymentsController())
    try signedIn.register(collection: LimitsController())
    try signedIn.register(collection: BeneficiariesController())
    try signedIn.register(collection: PayrollController())
    try signedIn.register(collection: StatementExportController())
    try signedIn.register(collection: ReceiptController())
    try signedIn.register(collection: CorrectionController())

    // Development only
    if !app.bank.config.isProduction {
        app.get("dev", "sms", use: DevController().sms)
        app.get("dev", "email", use: DevController().email)
    }
}
