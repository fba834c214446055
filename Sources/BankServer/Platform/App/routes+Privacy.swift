import BankAPI
import Vapor

/// The policy and its editions (§6), consents per purpose (§2.2), the rights of Law 94-V (export, block, destroy)
/// and the disclosures about me (§3).
func privacyRoutes(_ tiers: RouteTiers) {
    let open = tiers.open
    open.on(Endpoints.Privacy.getCurrentPolicy, use: PolicyController.current)
    open.on(Endpoints.Privacy.listPurposes, use: PrivacyController.purposes)
    // a person whose data is blocked cannot sign in: they ask to lift the block with a code to their phone
    open.on(Endpoints.Privacy.startPrivacyUnblock, use: PrivacyRightsController.startUnblock)
    open.limitingCodeGuesses().on(Endpoints.Privacy.confirmPrivacyUnblock, use: PrivacyRightsController.confirmUnblock)

    // before the policy gate (§6.2): accepting the new edition, and one's data whatever one thinks of it
    let session = tiers.session
    session.on(Endpoints.Privacy.acceptPolicy, use: PolicyController.accept)
    session.on(Endpoints.Privacy.listPolicyAcceptances, use: PolicyController.acceptances)
    session.on(Endpoints.Privacy.exportMyData, use: PrivacyRightsController.export)
    // Law 94-V art. 24–25 rights are never held hostage to the new edition: seeing and withdrawing consents, the
    // requests (block, unblock, destroy, information, correction) and the disclosures
    session.on(Endpoints.Privacy.listConsents, use: PrivacyController.consents)
    session.on(Endpoints.Privacy.withdrawConsent, use: PrivacyController.withdraw)
    session.on(Endpoints.Privacy.submitPrivacyRequest, use: PrivacyRightsController.submit)
    session.on(Endpoints.Privacy.listMyPrivacyRequests, use: PrivacyRightsController.list)
    session.on(Endpoints.Privacy.listMyDisclosures, use: DisclosureController.mine)

    // granting a new consent is processing under the new edition: it waits for the acceptance
    let signedIn = tiers.signedIn
    signedIn.on(Endpoints.Privacy.grantConsent, use: PrivacyController.grant)
}
