import Foundation

extension Endpoints {
    /// A company's people: invitations, roles, and the invited person's side (`IDPair`: company, then the other id).
    public enum Employees {
        public static let listInvitations = Endpoint<UUID, NoBody, ListPage<EmployeeInvitationView>>(
            "listInvitations",
            .GET,
            "/api/v1/companies/{companyId}/invitations",
            auth: .signedIn
        )
        /// 201; step-up: 202 with an `OtpChallengeResponse` first.
        public static let inviteEmployee = Endpoint<UUID, EmployeeInvitationRequest, EmployeeInvitationView>(
            "inviteEmployee",
            .POST,
            "/api/v1/companies/{companyId}/invitations",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let revokeInvitation = Endpoint<IDPair, NoBody, NoContent>(
            "revokeInvitation",
            .DELETE,
            "/api/v1/companies/{companyId}/invitations/{invitationId}",
            auth: .signedIn,
            idempotent: true
        )
        public static let listEmployees = Endpoint<UUID, NoBody, ListPage<EmployeeView>>(
            "listEmployees",
            .GET,
            "/api/v1/companies/{companyId}/employees",
            auth: .signedIn
        )
        /// Step-up: 202 with an `OtpChallengeResponse` first.
        public static let changeEmployeeRole = Endpoint<IDPair, EmployeeRoleChange, EmployeeView>(
            "changeEmployeeRole",
            .PUT,
            "/api/v1/companies/{companyId}/employees/{userId}",
            auth: .signedIn,
            idempotent: true
        )
        /// 204; step-up: 202 with an `OtpChallengeResponse` first.
        public static let removeEmployee = Endpoint<IDPair, NoBody, NoContent>(
            "removeEmployee",
            .DELETE,
            "/api/v1/companies/{companyId}/employees/{userId}",
            auth: .signedIn,
            idempotent: true
        )
        /// Invitations that name the signed-in person.
        public static let listMyInvitations = Endpoint<NoParameters, NoBody, ListPage<EmployeeInvitationView>>(
            "listMyInvitations",
            .GET,
            "/api/v1/me/invitations",
            auth: .signedIn
        )
        public static let acceptInvitation = Endpoint<UUID, NoBody, EmployeeInvitationView>(
            "acceptInvitation",
            .POST,
            "/api/v1/me/invitations/{invitationId}/accept",
            auth: .signedIn,
            idempotent: true
        )
        public static let declineInvitation = Endpoint<UUID, NoBody, EmployeeInvitationView>(
            "declineInvitation",
            .POST,
            "/api/v1/me/invitations/{invitationId}/decline",
            auth: .signedIn,
            idempotent: true
        )
        /// A new person starts activating their account: a code to the invited phone (202).
        public static let startInvitationActivation = Endpoint<NoParameters, InvitationActivationStart, OtpChallengeResponse>(
            "startInvitationActivation",
            .POST,
            "/api/v1/invitations/activate",
            auth: .public
        )
        /// The code, the new password and the policy acceptance (201).
        public static let completeInvitationActivation = Endpoint<NoParameters, InvitationActivationComplete, SessionGrant>(
            "completeInvitationActivation",
            .POST,
            "/api/v1/invitations/activate/verify",
            auth: .public
        )
    }
}
