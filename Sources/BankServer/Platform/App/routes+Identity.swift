import BankAPI
import Vapor

/// Registration, sign-in, one-time codes, devices and sessions, the profile and its corrections (§4.1), the
/// §5.2 report of unauthorised use, and a new employee's activation.
func identityRoutes(_ tiers: RouteTiers) {
    let open = tiers.open
    open.on(Endpoints.Identity.startRegistration, use: IdentityController.register)
    open.on(Endpoints.Identity.signIn, use: IdentityController.signIn)
    open.on(Endpoints.Identity.createDeviceChallenge, use: IdentityController.deviceChallenge)
    open.on(Endpoints.Identity.deviceSignIn, use: IdentityController.deviceSignIn)
    open.on(Endpoints.Identity.resendOtp, use: IdentityController.resend)
    open.on(Endpoints.Identity.startUnauthorisedUseReport, use: SecurityController.start)
    open.on(Endpoints.Employees.startInvitationActivation, use: InvitationActivationController.start)
    let codeAnswers = open.limitingCodeGuesses()
    codeAnswers.on(Endpoints.Identity.verifyRegistration, use: IdentityController.verifyRegistration)
    codeAnswers.on(Endpoints.Identity.verifySignIn, use: IdentityController.verifySignIn)
    codeAnswers.on(Endpoints.Identity.confirmUnauthorisedUseReport, use: SecurityController.confirm)
    codeAnswers.on(Endpoints.Employees.completeInvitationActivation, use: InvitationActivationController.complete)

    // before the policy gate: §5.2 must never wait on paperwork, signing out never, and neither do the rights
    let session = tiers.session
    session.on(Endpoints.Sessions.signOut, use: ProfileController.signOut)
    session.on(Endpoints.Sessions.reportUnauthorisedUse, use: SecurityController.reportSignedIn)
    // §4.1 / Law 94-V art. 24: correcting one's data is a right, never held until a new edition is accepted (§6.2)
    session.on(Endpoints.Sessions.updateProfile, use: CorrectionController.changeName)
    session.on(Endpoints.Sessions.startEmailChange, use: CorrectionController.startEmailChange)
    session.on(Endpoints.Sessions.startPhoneChange, use: CorrectionController.startPhoneChange)
    let sessionCodeAnswers = session.limitingCodeGuesses()
    sessionCodeAnswers.on(Endpoints.Sessions.confirmEmailChange, use: CorrectionController.confirmEmailChange)
    sessionCodeAnswers.on(Endpoints.Sessions.confirmPhoneChange, use: CorrectionController.confirmPhoneChange)

    let signedIn = tiers.signedIn
    signedIn.on(Endpoints.Sessions.getMe, use: ProfileController.profile)
    signedIn.on(Endpoints.Sessions.listSessions, use: ProfileController.sessions)
    signedIn.on(Endpoints.Sessions.revokeSession, use: ProfileController.revokeSession)
    signedIn.on(Endpoints.Sessions.listDevices, use: ProfileController.devices)
    signedIn.on(Endpoints.Sessions.removeDevice, use: ProfileController.forgetDevice)
    signedIn.on(Endpoints.Sessions.enrollDeviceKey, use: ProfileController.enrolDeviceKey)
    signedIn.on(Endpoints.Sessions.changePassword, use: ProfileController.changePassword)
    signedIn.on(Endpoints.Sessions.registerAnotherCompany, use: ProfileController.registerAnotherCompany)
    signedIn.on(Endpoints.Employees.listMyInvitations, use: EmployeesController.mine)
    signedIn.on(Endpoints.Employees.acceptInvitation, use: EmployeesController.accept)
    signedIn.on(Endpoints.Employees.declineInvitation, use: EmployeesController.decline)

    // the company's people: members read, the director manages
    let company = tiers.company
    company.on(Endpoints.Employees.listEmployees, use: EmployeesController.employees)
    let directors = company.permitting(.manage)
    directors.on(Endpoints.Employees.listInvitations, use: EmployeesController.invitations)
    directors.on(Endpoints.Employees.inviteEmployee, use: EmployeesController.invite)
    directors.on(Endpoints.Employees.revokeInvitation, use: EmployeesController.revoke)
    directors.on(Endpoints.Employees.changeEmployeeRole, use: EmployeesController.changeRole)
    directors.on(Endpoints.Employees.removeEmployee, use: EmployeesController.remove)
}
