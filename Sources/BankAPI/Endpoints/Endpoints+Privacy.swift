import Foundation

extension Endpoints {
    /// The policy, purposes and consents, and the data subject's rights (Law 94-V).
    public enum Privacy {
        /// §6.1: the edition in force, in the `Accept-Language` language.
        public static let getCurrentPolicy = Endpoint<NoParameters, NoBody, PolicyEditionView>(
            "getCurrentPolicy",
            .GET,
            "/api/v1/policy/current",
            auth: .public
        )
        /// §6.2: accepts the edition in force (allowed before accepting it).
        public static let acceptPolicy = Endpoint<NoParameters, AcceptPolicyRequest, PolicyAcceptanceView>(
            "acceptPolicy",
            .POST,
            "/api/v1/me/policy-acceptance",
            auth: .signedIn,
            idempotent: true
        )
        public static let listPolicyAcceptances = Endpoint<NoParameters, NoBody, [PolicyAcceptanceView]>(
            "listPolicyAcceptances",
            .GET,
            "/api/v1/me/policy-acceptances",
            auth: .signedIn
        )
        /// The register of purposes in the reader's language.
        public static let listPurposes = Endpoint<NoParameters, NoBody, PurposeList>("listPurposes", .GET, "/api/v1/privacy/purposes", auth: .public)
        public static let listConsents = Endpoint<NoParameters, NoBody, ConsentOverview>("listConsents", .GET, "/api/v1/me/consents", auth: .signedIn)
        /// 201.
        public static let grantConsent = Endpoint<NoParameters, GrantConsentRequest, ConsentView>(
            "grantConsent",
            .POST,
            "/api/v1/me/consents",
            auth: .signedIn,
            idempotent: true
        )
        /// The purpose id is the path parameter (`recipientBin` in the query); answers the withdrawn records.
        public static let withdrawConsent = Endpoint<String, NoBody, [ConsentView]>(
            "withdrawConsent",
            .DELETE,
            "/api/v1/me/consents/{purpose}",
            auth: .signedIn,
            idempotent: true
        )
        /// Law 94-V art. 24: JSON; with `format=html` a readable page instead (read as bytes).
        public static let exportMyData = Endpoint<NoParameters, NoBody, PersonalDataExport>(
            "exportMyData",
            .GET,
            "/api/v1/me/privacy/export",
            auth: .signedIn
        )
        public static let listMyPrivacyRequests = Endpoint<NoParameters, NoBody, PrivacyRequestList>(
            "listMyPrivacyRequests",
            .GET,
            "/api/v1/me/privacy/requests",
            auth: .signedIn
        )
        /// A request to block or destroy one's data (201).
        public static let submitPrivacyRequest = Endpoint<NoParameters, SubmitPrivacyRequest, PrivacyRequestView>(
            "submitPrivacyRequest",
            .POST,
            "/api/v1/me/privacy/requests",
            auth: .signedIn,
            idempotent: true
        )
        /// Art. 24–25 from the sign-in screen: a code to the phone if its data is blocked; the same answer either way (202).
        public static let startPrivacyUnblock = Endpoint<NoParameters, PrivacyUnblockStart, ChallengeStarted>(
            "startPrivacyUnblock",
            .POST,
            "/api/v1/privacy/unblock-requests/start",
            auth: .public
        )
        /// The code records the unblock request (201), which the privacy officer carries out.
        public static let confirmPrivacyUnblock = Endpoint<NoParameters, OtpAnswer, PrivacyRequestView>(
            "confirmPrivacyUnblock",
            .POST,
            "/api/v1/privacy/unblock-requests/confirm",
            auth: .public
        )
        /// §3.3: disclosures of the person's data, newest first.
        public static let listMyDisclosures = Endpoint<NoParameters, NoBody, ListPage<DisclosureView>>(
            "listMyDisclosures",
            .GET,
            "/api/v1/me/privacy/disclosures",
            auth: .signedIn
        )
    }
}
