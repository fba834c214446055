import BankAPI
import Vapor

/// The policy and its editions (§6), consents per purpose (§2.2), the rights of Law 94-V (export, block, destroy)
/// and the disclosures about me (§3).
func privacyRoutes(_ tiers: RouteTiers) {
    let open = tiers.open
    open.on(Endpoints.Privacy.getCurrentPolicy, use: PolicyController.current)
    open.on(Endpoints.Privacy.listPurposes, use: PrivacyController.purposes)

    // before the policy gate (§6.2): accepting the new edition, and one's data whatever one thinks of it
    let session = tiers.session
    session.on(Endpoints.Privacy.acceptPolicy, use: PolicyController.accept)
    session.on(Endpoints.Privacy.listPolicyAcceptances, use: PolicyController.acceptances)
    session.on(Endpoints.Privacy.exportMyData, use: PrivacyRightsController.export)

    let signedIn = tiers.signedIn
    signedIn.on(Endpoints.Privacy.listConsents, use: PrivacyController.consents)
    signedIn.on(Endpoints.Privacy.grantConsent, use: PrivacyController.grant)
    signedIn.on(Endpoints.Privacy.withdrawConsent, use: PrivacyController.withdraw)
    signedIn.on(Endpoints.Privacy.submitPrivacyRequest, use: PrivacyRightsController.submit)
    signedIn.on(Endpoints.Privacy.listMyPrivacyRequests, use: PrivacyRightsController.list)
    signedIn.on(Endpoints.Privacy.listMyDisclosures, use: DisclosureController.mine)
}
