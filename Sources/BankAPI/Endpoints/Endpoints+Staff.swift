import Foundation

extension Endpoints {
    /// The bank staff console: its session, and each role's work (privacy officer, support, fraud).
    public enum Staff {
        /// Username, password and the authenticator code.
        public static let staffSignIn = Endpoint<NoParameters, StaffSignInRequest, StaffSignInResponse>(
            "staffSignIn",
            .POST,
            "/api/v1/staff/sign-in",
            auth: .public
        )
        /// 204.
        public static let staffSignOut = Endpoint<NoParameters, NoBody, NoContent>("staffSignOut", .POST, "/api/v1/staff/sign-out", auth: .staff)
        /// §6.1: a new policy edition (201).
        public static let publishPolicyEdition = Endpoint<NoParameters, PublishPolicyRequest, PolicyEditionView>(
            "publishPolicyEdition",
            .POST,
            "/api/v1/staff/policy/editions",
            auth: .staff
        )
        /// §2.2.8: an offer to every user with a live marketing consent.
        public static let queueOffer = Endpoint<NoParameters, LocalizedOffer, OfferQueued>("queueOffer", .POST, "/api/v1/staff/offers", auth: .staff)
        /// A recorded read of a client's personal data; `reason` in the query.
        public static let staffReadUser = Endpoint<UUID, NoBody, StaffUserView>("staffReadUser", .GET, "/api/v1/staff/users/{userId}", auth: .staff)
        /// Nearest deadline first; `status` and `overdue=true` in the query; each item says whether it is overdue.
        public static let staffListPrivacyRequests = Endpoint<NoParameters, NoBody, PrivacyRequestList>(
            "staffListPrivacyRequests",
            .GET,
            "/api/v1/staff/privacy/requests",
            auth: .staff
        )
        /// A request the person made by another channel, recorded on their behalf (201); `unblock` lifts a data block.
        public static let staffSubmitPrivacyRequest = Endpoint<NoParameters, StaffSubmitPrivacyRequest, PrivacyRequestView>(
            "staffSubmitPrivacyRequest",
            .POST,
            "/api/v1/staff/privacy/requests",
            auth: .staff
        )
        public static let staffCompletePrivacyRequest = Endpoint<UUID, NoBody, PrivacyRequestView>(
            "staffCompletePrivacyRequest",
            .POST,
            "/api/v1/staff/privacy/requests/{requestId}/complete",
            auth: .staff
        )
        public static let staffRefusePrivacyRequest = Endpoint<UUID, RefusePrivacyRequest, PrivacyRequestView>(
            "staffRefusePrivacyRequest",
            .POST,
            "/api/v1/staff/privacy/requests/{requestId}/refuse",
            auth: .staff
        )
        /// §2.2.4: payments held for review.
        public static let listFraudHolds = Endpoint<NoParameters, NoBody, [PaymentOrderView]>(
            "listFraudHolds",
            .GET,
            "/api/v1/staff/fraud/holds",
            auth: .staff
        )
        /// Executes a held payment.
        public static let releaseFraudHold = Endpoint<UUID, NoBody, PaymentOrderView>(
            "releaseFraudHold",
            .POST,
            "/api/v1/staff/fraud/holds/{paymentId}/release",
            auth: .staff
        )
        public static let rejectFraudHold = Endpoint<UUID, NoBody, PaymentOrderView>(
            "rejectFraudHold",
            .POST,
            "/api/v1/staff/fraud/holds/{paymentId}/reject",
            auth: .staff
        )
        /// §3.3: the disclosure register, newest first; `userId`, `cursor`, `limit` in the query.
        public static let listDisclosures = Endpoint<NoParameters, NoBody, ListPage<DisclosureRecord>>(
            "listDisclosures",
            .GET,
            "/api/v1/staff/privacy/disclosures",
            auth: .staff
        )
        /// 201.
        public static let recordDisclosure = Endpoint<NoParameters, RecordDisclosureRequest, DisclosureRecord>(
            "recordDisclosure",
            .POST,
            "/api/v1/staff/privacy/disclosures",
            auth: .staff
        )
        /// A personal-data breach (201).
        public static let recordBreach = Endpoint<NoParameters, RecordBreachRequest, BreachIncidentView>(
            "recordBreach",
            .POST,
            "/api/v1/staff/privacy/breaches",
            auth: .staff
        )
        /// JSON; with `format=html` the printable notification page instead (read as bytes).
        public static let getBreachNotification = Endpoint<UUID, NoBody, BreachNotification>(
            "getBreachNotification",
            .GET,
            "/api/v1/staff/privacy/breaches/{breachId}/notification",
            auth: .staff
        )
        /// Issue 14: every recorded breach, newest first, with its status and whether the authority's deadline passed.
        public static let listBreaches = Endpoint<NoParameters, NoBody, BreachIncidentList>(
            "listBreaches",
            .GET,
            "/api/v1/staff/privacy/breaches",
            auth: .staff
        )
        /// Issue 14: when the authority was notified of the breach (the privacy officer).
        public static let markBreachAuthorityNotified = Endpoint<UUID, BreachAuthorityNotified, BreachIncidentView>(
            "markBreachAuthorityNotified",
            .POST,
            "/api/v1/staff/privacy/breaches/{breachId}/authority-notified",
            auth: .staff
        )
        /// The support queue, oldest waiting first; `status` in the query.
        public static let staffListTickets = Endpoint<NoParameters, NoBody, [TicketSummaryView]>(
            "staffListTickets",
            .GET,
            "/api/v1/staff/support/tickets",
            auth: .staff
        )
        /// A recorded read of the conversation.
        public static let staffShowTicket = Endpoint<UUID, NoBody, TicketView>(
            "staffShowTicket",
            .GET,
            "/api/v1/staff/support/tickets/{ticketId}",
            auth: .staff
        )
        public static let staffReplyToTicket = Endpoint<UUID, TicketMessageRequest, TicketView>(
            "staffReplyToTicket",
            .POST,
            "/api/v1/staff/support/tickets/{ticketId}/messages",
            auth: .staff
        )
        public static let staffCloseTicket = Endpoint<UUID, NoBody, TicketView>(
            "staffCloseTicket",
            .POST,
            "/api/v1/staff/support/tickets/{ticketId}/close",
            auth: .staff
        )
        /// Scheduled items too; `kind`, `cursor`, `limit` in the query.
        public static let listStaffContent = Endpoint<NoParameters, NoBody, ListPage<StaffContentView>>(
            "listStaffContent",
            .GET,
            "/api/v1/staff/content",
            auth: .staff
        )
        /// News, a tariff or an offer (201).
        public static let publishContent = Endpoint<NoParameters, ContentPublishRequest, StaffContentView>(
            "publishContent",
            .POST,
            "/api/v1/staff/content",
            auth: .staff
        )
        /// 204.
        public static let deleteContent = Endpoint<UUID, NoBody, NoContent>(
            "deleteContent",
            .DELETE,
            "/api/v1/staff/content/{contentId}",
            auth: .staff
        )
        /// 201.
        public static let staffCreateBranch = Endpoint<NoParameters, BranchInput, BranchRecord>(
            "staffCreateBranch",
            .POST,
            "/api/v1/staff/branches",
            auth: .staff
        )
        public static let staffReplaceBranch = Endpoint<UUID, BranchInput, BranchRecord>(
            "staffReplaceBranch",
            .PUT,
            "/api/v1/staff/branches/{branchId}",
            auth: .staff
        )
        /// 204.
        public static let staffDeleteBranch = Endpoint<UUID, NoBody, NoContent>(
            "staffDeleteBranch",
            .DELETE,
            "/api/v1/staff/branches/{branchId}",
            auth: .staff
        )
    }
}
