/// Every event the audit log records (§5.1): one case each, so a record cannot misspell its event, and the stored
/// name (the raw value) is what the hash chain and the staff tools read. A new event is a new case.
enum AuditEvent: String, Sendable, CaseIterable {
    case accountClosed = "account.closed"
    case accountOpened = "account.opened"
    case accountUnblocked = "account.unblocked"

    case branchCreated = "branch.created"
    case branchDeleted = "branch.deleted"
    case branchImported = "branch.imported"
    case branchUpdated = "branch.updated"

    case breachAuthorityNotified = "breach.authority_notified"
    case breachRecorded = "breach.recorded"

    case clearingReturned = "clearing.returned"
    case clearingSettled = "clearing.settled"

    case companyNameChanged = "company.name_changed"
    case companyRegistered = "company.registered"

    case consentGranted = "consent.granted"
    case consentWithdrawn = "consent.withdrawn"
    /// Law 94-V art. 8: a withdrawal refused with its reason (`details["reason"]`, a problem code).
    case consentWithdrawalRefused = "consent.withdrawal_refused"

    case contentDeleted = "content.deleted"
    case contentPublished = "content.published"

    case demoUserSeeded = "demo.user_seeded"

    case deviceForgotten = "device.forgotten"

    case deviceKeyEnrolled = "device_key.enrolled"

    case disclosureListed = "disclosure.listed"
    case disclosureRecorded = "disclosure.recorded"

    case documentDeleted = "document.deleted"
    case documentUploaded = "document.uploaded"

    case employeeInvitationAccepted = "employee.invitation_accepted"
    case employeeInvitationActivated = "employee.invitation_activated"
    case employeeInvitationDeclined = "employee.invitation_declined"
    case employeeInvitationRevoked = "employee.invitation_revoked"
    case employeeInvited = "employee.invited"
    case employeeRemoved = "employee.removed"
    case employeeRoleChanged = "employee.role_changed"

    case fraudAllowedCountriesSet = "fraud.allowed_countries_set"

    case marketingOfferQueued = "marketing.offer_queued"

    case notificationsPreferencesChanged = "notifications.preferences_changed"

    case passwordChanged = "password.changed"

    case payeeLookedUp = "payee.looked_up"

    case paymentCodeReissued = "payment.code_reissued"
    case paymentCreated = "payment.created"
    case paymentEdited = "payment.edited"
    case paymentExecuted = "payment.executed"
    case paymentHeldForReview = "payment.held_for_review"
    case paymentHoldRejected = "payment.hold_rejected"
    case paymentHoldReleased = "payment.hold_released"
    case paymentRejected = "payment.rejected"
    case paymentSigned = "payment.signed"

    case paymentLimitSet = "payment_limit.set"

    case payrollCodeReissued = "payroll.code_reissued"
    case payrollCreated = "payroll.created"
    case payrollExecuted = "payroll.executed"
    case payrollSigned = "payroll.signed"

    case photoDeleted = "photo.deleted"
    case photoUploaded = "photo.uploaded"

    case policyAccepted = "policy.accepted"
    case policyPublished = "policy.published"

    case privacyExported = "privacy.exported"
    case privacyRequestCompleted = "privacy.request_completed"
    case privacyRequestReceived = "privacy.request_received"
    case privacyRequestRefused = "privacy.request_refused"
    case privacySubjectDestroyed = "privacy.subject_destroyed"

    case profileEmailChanged = "profile.email_changed"
    case profileIINChanged = "profile.iin_changed"
    case profileNameChanged = "profile.name_changed"
    case profilePhoneChanged = "profile.phone_changed"

    case pushTokenRegistered = "push_token.registered"
    case pushTokenRemoved = "push_token.removed"

    case registrationCompleted = "registration.completed"
    case registrationDuplicate = "registration.duplicate"
    case registrationExpired = "registration.expired"
    case registrationStarted = "registration.started"

    case riskAssessed = "risk.assessed"

    case securityAlertHandled = "security.alert_handled"
    case securityUnauthorisedUseReported = "security.unauthorised_use_reported"

    case sessionRevoked = "session.revoked"

    case signInFailed = "sign_in.failed"
    case signInLocked = "sign_in.locked"
    case signInSucceeded = "sign_in.succeeded"

    case signOut = "sign_out"

    case signingRuleSet = "signing_rule.set"

    case staffAuthenticatorReset = "staff.authenticator_reset"
    case staffCreated = "staff.created"
    case staffPersonalDataRead = "staff.personal_data_read"
    case staffReadPersonalData = "staff.read_personal_data"
    case staffSignedIn = "staff.signed_in"
    case staffSignedOut = "staff.signed_out"

    case supportTicketAnswered = "support.ticket_answered"
    case supportTicketClosed = "support.ticket_closed"
    case supportTicketOpened = "support.ticket_opened"
}
