import BankAPI
import Vapor

/// The staff console's API: sign-in with the authenticator code, then one group per staff role.
func staffRoutes(_ tiers: RouteTiers) {
    tiers.open.on(Endpoints.Staff.staffSignIn, use: StaffController.signIn)

    let staff = tiers.staff
    staff.on(Endpoints.Staff.staffSignOut, use: StaffController.signOut)

    // a person's data, read (and recorded, §3) by any desk that works a case about them
    let anyDesk = staff.staffRoles(.privacyOfficer, .support, .fraud)
    anyDesk.on(Endpoints.Staff.staffReadUser, use: PrivacyRightsController.staffReadUser)

    // the person responsible for personal data (Law 94-V art. 25)
    let privacyOfficer = staff.staffRoles(.privacyOfficer)
    privacyOfficer.on(Endpoints.Staff.publishPolicyEdition, use: PolicyController.publish)
    privacyOfficer.on(Endpoints.Staff.staffListPrivacyRequests, use: PrivacyRightsController.staffList)
    privacyOfficer.on(Endpoints.Staff.staffSubmitPrivacyRequest, use: PrivacyRightsController.staffSubmit)
    privacyOfficer.on(Endpoints.Staff.staffCompletePrivacyRequest, use: PrivacyRightsController.staffComplete)
    privacyOfficer.on(Endpoints.Staff.staffRefusePrivacyRequest, use: PrivacyRightsController.staffRefuse)
    privacyOfficer.on(Endpoints.Staff.recordDisclosure, use: DisclosureController.record)
    privacyOfficer.on(Endpoints.Staff.listDisclosures, use: DisclosureController.list)
    privacyOfficer.on(Endpoints.Staff.recordBreach, use: BreachController.record)
    privacyOfficer.on(Endpoints.Staff.getBreachNotification, use: BreachController.notification)
    privacyOfficer.on(Endpoints.Staff.listBreaches, use: BreachController.list)
    privacyOfficer.on(Endpoints.Staff.markBreachAuthorityNotified, use: BreachController.authorityNotified)

    let support = staff.staffRoles(.support)
    support.on(Endpoints.Staff.staffListTickets, use: SupportController.staffList)
    support.on(Endpoints.Staff.staffShowTicket, use: SupportController.staffShow)
    support.on(Endpoints.Staff.staffReplyToTicket, use: SupportController.staffReply)
    support.on(Endpoints.Staff.staffCloseTicket, use: SupportController.staffClose)

    // what clients read: news, tariffs, offers and the branch directory
    let content = staff.staffRoles(.support, .privacyOfficer)
    content.on(Endpoints.Staff.queueOffer, use: ContentController.queueOffer)
    content.on(Endpoints.Staff.publishContent, use: ContentController.publish)
    content.on(Endpoints.Staff.listStaffContent, use: ContentController.staffList)
    content.on(Endpoints.Staff.deleteContent, use: ContentController.delete)
    content.on(Endpoints.Staff.staffCreateBranch, use: StaffBranchesController.create)
    content.on(Endpoints.Staff.staffReplaceBranch, use: StaffBranchesController.update)
    content.on(Endpoints.Staff.staffDeleteBranch, use: StaffBranchesController.delete)

    let fraud = staff.staffRoles(.fraud)
    fraud.on(Endpoints.Staff.listFraudHolds, use: FraudHoldsController.list)
    fraud.on(Endpoints.Staff.releaseFraudHold, use: FraudHoldsController.release)
    fraud.on(Endpoints.Staff.rejectFraudHold, use: FraudHoldsController.reject)
    // §5.2: the security alerts (reports of unauthorised use) reach the fraud team's queue
    fraud.on(Endpoints.Staff.staffListSecurityAlerts, use: SecurityAlertsController.list)
    fraud.on(Endpoints.Staff.staffHandleSecurityAlert, use: SecurityAlertsController.handle)
}
