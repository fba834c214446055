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
    let policy = PolicyController()
    api.get("policy", "current", use: policy.current)
    app.get("policy", use: policy.page)
    let privacy = PrivacyController()
    api.get("privacy", "purposes", use: privacy.purposes)
    let support = SupportController()
    api.get("contact", use: support.contact)
    try api.register(collection: IdentityController())
    let security = SecurityController()
    api.post("security", "unauthorised-use", "start", use: security.start)
    api.post("security", "unauthorised-use", "confirm", use: security.confirm)
    api.get("content", use: ContentController().list)
    try api.register(collection: BranchesController())
    try api.register(collection: InvitationActivationController())

    // Signed in, and allowed before accepting a new policy edition (§6.2): accepting it, signing out, exporting
    // one's data, and reporting unauthorised use (§5.2 must never wait on paperwork).
    let session = api.grouped(SessionAuthenticator(), IdempotencyMiddleware())
    let profile = ProfileController()
    session.post("auth", "sign-out", use: profile.signOut)
    session.post("me", "policy-acceptance", use: policy.accept)
    session.get("me", "policy-acceptances", use: policy.acceptances)
    session.post("security", "unauthorised-use", use: security.reportSignedIn)
    let rights = PrivacyRightsController()
    session.get("me", "privacy", "export", use: rights.export)

    // Signed in, with the edition in force accepted
    let signedIn = session.grouped(PolicyGate())
    try signedIn.register(collection: profile)
    signedIn.post("me", "companies", use: CompanyRegistration.handle)
    signedIn.get("me", "consents", use: privacy.consents)
    signedIn.post("me", "consents", use: privacy.grant)
    signedIn.delete("me", "consents", ":purpose", use: privacy.withdraw)
    let fraud = FraudController()
    signedIn.get("companies", ":companyId", "security-settings", use: fraud.settings)
    signedIn.put("companies", ":companyId", "security-settings", use: fraud.setSettings)
    signedIn.post("payees", "lookup", use: PayeeLookup.handle)
    signedIn.post("me", "feedback", use: support.feedback)
    signedIn.post("me", "support", "tickets", use: support.open)
    signedIn.get("me", "support", "tickets", use: support.list)
    signedIn.get("me", "support", "tickets", ":ticketId", use: support.show)
    signedIn.post("me", "support", "tickets", ":ticketId", "messages", use: support.reply)
    signedIn.post("me", "support", "tickets", ":ticketId", "close", use: support.close)
    signedIn.post("me", "privacy", "requests", use: rights.submit)
    signedIn.get("me", "privacy", "requests", use: rights.list)
    try signedIn.register(collection: AccountsController())
    try signedIn.register(collection: PaymentsController())
    try signedIn.register(collection: LimitsController())
    try signedIn.register(collection: BeneficiariesController())
    try signedIn.register(collection: EmployeesController())
    try signedIn.register(collection: PayrollController())
    try signedIn.register(collection: StatementExportController())
    try signedIn.register(collection: ReceiptController())
    try signedIn.register(collection: CorrectionController())
    let disclosures = DisclosureController()
    signedIn.get("me", "privacy", "disclosures", use: disclosures.mine)
    try signedIn.register(collection: DocumentsController(maxBytes: app.bank.config.documents.maxBytes))
    try signedIn.register(collection: NotificationsController())

    // Bank staff
    api.post("staff", "sign-in", use: StaffController().signIn)
    let staff = api.grouped("staff").grouped(StaffAuthenticator())
    staff.post("sign-out", use: StaffController().signOut)
    staff.post("policy", "editions", use: policy.publish)
    staff.post("offers", use: MarketingOffers.staffSend)
    staff.get("users", ":userId", use: rights.staffReadUser)
    staff.get("support", "tickets", use: support.staffList)
    staff.get("support", "tickets", ":ticketId", use: support.staffShow)
    staff.post("support", "tickets", ":ticketId", "messages", use: support.staffReply)
    staff.post("support", "tickets", ":ticketId", "close", use: support.staffClose)
    staff.get("fraud", "holds", use: FraudHolds.list)
    staff.post("fraud", "holds", ":paymentId", "release", use: FraudHolds.release)
    staff.post("fraud", "holds", ":paymentId", "reject", use: FraudHolds.reject)
    staff.get("privacy", "requests", use: rights.staffList)
    staff.post("privacy", "requests", ":requestId", "complete", use: rights.staffComplete)
    staff.post("privacy", "requests", ":requestId", "refuse", use: rights.staffRefuse)
    staff.post("privacy", "disclosures", use: disclosures.record)
    staff.get("privacy", "disclosures", use: disclosures.list)
    let breaches = BreachController()
    staff.post("privacy", "breaches", use: breaches.record)
    staff.get("privacy", "breaches", ":breachId", "notification", use: breaches.notification)
    let content = ContentController()
    staff.post("content", use: content.publish)
    staff.get("content", use: content.staffList)
    staff.delete("content", ":contentId", use: content.delete)
    try staff.register(collection: StaffBranchesController())

    // Development only
    if !app.bank.config.isProduction {
        app.get("dev", "sms", use: DevController().sms)
        app.get("dev", "email", use: DevController().email)
        app.get("dev", "staff-codes", use: DevController().staffCodes)
    }
}
