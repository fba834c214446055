import BankAPI
import Prometheus
import Vapor

/// The route table, by auth tier: every operation is an `Endpoints` value registered with its handler
/// (`EndpointRoutes.swift`); the groups hold middleware only, so the endpoint's template is the only place a path is written.
func routes(_ app: Application, registry: PrometheusCollectorRegistry) throws {
    // Public: no session
    let open = app.tier(.public)
    let health = HealthController(registry: registry)
    open.on(Endpoints.Operations.getHealthLive, use: health.live)
    open.on(Endpoints.Operations.getHealthReady, use: health.ready)
    open.on(Endpoints.Operations.getMetrics, use: health.metrics)
    open.on(Endpoints.Operations.getOpenAPIDocument, use: health.openAPI)
    let policy = PolicyController()
    open.on(Endpoints.Privacy.getCurrentPolicy, use: policy.current)
    app.get("policy", use: policy.page)  // the readable page, not an API operation
    let privacy = PrivacyController()
    open.on(Endpoints.Privacy.listPurposes, use: privacy.purposes)
    let support = SupportController()
    open.on(Endpoints.Support.contactInfo, use: support.contact)
    try open.register(collection: IdentityController())
    let security = SecurityController()
    open.on(Endpoints.Identity.startUnauthorisedUseReport, use: security.start)
    open.on(Endpoints.Identity.confirmUnauthorisedUseReport, use: security.confirm)
    let content = ContentController()
    open.on(Endpoints.Notifications.listContent, use: content.list)
    try open.register(collection: BranchesController())
    try open.register(collection: InvitationActivationController())
    open.on(Endpoints.Staff.staffSignIn, use: StaffController().signIn)

    // Signed in, and allowed before accepting a new policy edition (§6.2): accepting it, signing out, exporting
    // one's data, and reporting unauthorised use (§5.2 must never wait on paperwork).
    let session = app.tier(.signedIn, SessionAuthenticator(), IdempotencyMiddleware())
    let profile = ProfileController()
    session.on(Endpoints.Sessions.signOut, use: profile.signOut)
    session.on(Endpoints.Privacy.acceptPolicy, use: policy.accept)
    session.on(Endpoints.Privacy.listPolicyAcceptances, use: policy.acceptances)
    session.on(Endpoints.Sessions.reportUnauthorisedUse, use: security.reportSignedIn)
    let rights = PrivacyRightsController()
    session.on(Endpoints.Privacy.exportMyData, use: rights.export)

    // Signed in, with the edition in force accepted
    let signedIn = session.tier(.signedIn, PolicyGate())
    try signedIn.register(collection: profile)
    signedIn.on(Endpoints.Sessions.registerAnotherCompany, use: CompanyRegistration.handle)
    signedIn.on(Endpoints.Privacy.listConsents, use: privacy.consents)
    signedIn.on(Endpoints.Privacy.grantConsent, use: privacy.grant)
    signedIn.on(Endpoints.Privacy.withdrawConsent, use: privacy.withdraw)
    let fraud = FraudController()
    signedIn.on(Endpoints.Payments.getSecuritySettings, use: fraud.settings)
    signedIn.on(Endpoints.Payments.setSecuritySettings, use: fraud.setSettings)
    signedIn.on(Endpoints.Payments.lookupPayee, use: PayeeLookup.handle)
    signedIn.on(Endpoints.Support.sendFeedback, use: support.feedback)
    signedIn.on(Endpoints.Support.openTicket, use: support.open)
    signedIn.on(Endpoints.Support.listMyTickets, use: support.list)
    signedIn.on(Endpoints.Support.showMyTicket, use: support.show)
    signedIn.on(Endpoints.Support.replyToTicket, use: support.reply)
    signedIn.on(Endpoints.Support.closeMyTicket, use: support.close)
    signedIn.on(Endpoints.Privacy.submitPrivacyRequest, use: rights.submit)
    signedIn.on(Endpoints.Privacy.listMyPrivacyRequests, use: rights.list)
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
    signedIn.on(Endpoints.Privacy.listMyDisclosures, use: disclosures.mine)
    try signedIn.register(collection: DocumentsController(maxBytes: app.bank.config.documents.maxBytes))
    try signedIn.register(collection: NotificationsController())

    // Bank staff
    let staff = app.tier(.staff, StaffAuthenticator())
    staff.on(Endpoints.Staff.staffSignOut, use: StaffController().signOut)
    staff.on(Endpoints.Staff.publishPolicyEdition, use: policy.publish)
    staff.on(Endpoints.Staff.queueOffer, use: MarketingOffers.staffSend)
    staff.on(Endpoints.Staff.staffReadUser, use: rights.staffReadUser)
    staff.on(Endpoints.Staff.staffListTickets, use: support.staffList)
    staff.on(Endpoints.Staff.staffShowTicket, use: support.staffShow)
    staff.on(Endpoints.Staff.staffReplyToTicket, use: support.staffReply)
    staff.on(Endpoints.Staff.staffCloseTicket, use: support.staffClose)
    staff.on(Endpoints.Staff.listFraudHolds, use: FraudHolds.list)
    staff.on(Endpoints.Staff.releaseFraudHold, use: FraudHolds.release)
    staff.on(Endpoints.Staff.rejectFraudHold, use: FraudHolds.reject)
    staff.on(Endpoints.Staff.staffListPrivacyRequests, use: rights.staffList)
    staff.on(Endpoints.Staff.staffCompletePrivacyRequest, use: rights.staffComplete)
    staff.on(Endpoints.Staff.staffRefusePrivacyRequest, use: rights.staffRefuse)
    staff.on(Endpoints.Staff.recordDisclosure, use: disclosures.record)
    staff.on(Endpoints.Staff.listDisclosures, use: disclosures.list)
    let breaches = BreachController()
    staff.on(Endpoints.Staff.recordBreach, use: breaches.record)
    staff.on(Endpoints.Staff.getBreachNotification, use: breaches.notification)
    staff.on(Endpoints.Staff.publishContent, use: content.publish)
    staff.on(Endpoints.Staff.listStaffContent, use: content.staffList)
    staff.on(Endpoints.Staff.deleteContent, use: content.delete)
    try staff.register(collection: StaffBranchesController())

    // Development only
    if !app.bank.config.isProduction {
        app.get("dev", "sms", use: DevController().sms)
        app.get("dev", "email", use: DevController().email)
        app.get("dev", "staff-codes", use: DevController().staffCodes)
    }
}
