import BankCore
import Foundation

extension Endpoints {
    /// A company's accounts and their statements.
    public enum Accounts {
        public static let listAccounts = Endpoint<UUID, NoBody, ListPage<AccountView>>(
            "listAccounts",
            .GET,
            "/api/v1/companies/{companyId}/accounts",
            auth: .signedIn
        )
        /// The director opens an account (201).
        public static let openAccount = Endpoint<UUID, OpenAccountRequest, AccountView>(
            "openAccount",
            .POST,
            "/api/v1/companies/{companyId}/accounts",
            auth: .signedIn,
            idempotent: true
        )
        public static let getAccount = Endpoint<UUID, NoBody, AccountView>("getAccount", .GET, "/api/v1/accounts/{accountId}", auth: .signedIn)
        /// Issue 14: the director closes an account whose balance is zero (the bank's rule); 409 otherwise.
        public static let closeAccount = Endpoint<IDPair, NoBody, AccountView>(
            "closeAccount",
            .POST,
            "/api/v1/companies/{companyId}/accounts/{accountId}/close",
            auth: .signedIn,
            idempotent: true
        )
        /// Newest first, with the running balance; `from`, `to`, `cursor`, `limit` in the query.
        public static let getStatement = Endpoint<UUID, NoBody, ListPage<StatementLineView>>(
            "getStatement",
            .GET,
            "/api/v1/accounts/{accountId}/statement",
            auth: .signedIn
        )
    }

    /// Payment orders, the signing basket, service payments, limits, the signing rule and the fraud settings.
    public enum Payments {
        /// Newest first; `cursor` and `awaiting=me` in the query.
        public static let listPayments = Endpoint<UUID, NoBody, ListPage<PaymentOrderView>>(
            "listPayments",
            .GET,
            "/api/v1/companies/{companyId}/payments",
            auth: .signedIn
        )
        /// A draft order (201).
        public static let createPayment = Endpoint<UUID, PaymentOrderInput, PaymentOrderView>(
            "createPayment",
            .POST,
            "/api/v1/companies/{companyId}/payments",
            auth: .signedIn,
            idempotent: true
        )
        public static let getPayment = Endpoint<UUID, NoBody, PaymentOrderView>("getPayment", .GET, "/api/v1/payments/{paymentId}", auth: .signedIn)
        public static let updatePayment = Endpoint<UUID, PaymentOrderInput, PaymentOrderView>(
            "updatePayment",
            .PUT,
            "/api/v1/payments/{paymentId}",
            auth: .signedIn,
            idempotent: true
        )
        /// 200 when signed or executed; 202 when an SMS code must confirm it (`confirmation` set). The body may be empty.
        public static let signPayment = Endpoint<UUID, SignPaymentRequest, SignOutcome>(
            "signPayment",
            .POST,
            "/api/v1/payments/{paymentId}/sign",
            auth: .signedIn,
            idempotent: true
        )
        /// A signer refuses the order, with a reason.
        public static let rejectPayment = Endpoint<UUID, RejectPaymentRequest, PaymentOrderView>(
            "rejectPayment",
            .POST,
            "/api/v1/payments/{paymentId}/reject",
            auth: .signedIn,
            idempotent: true
        )
        /// The SMS code confirms the signed order.
        public static let confirmPayment = Endpoint<UUID, OtpAnswer, PaymentOrderView>(
            "confirmPayment",
            .POST,
            "/api/v1/payments/{paymentId}/confirm",
            auth: .signedIn,
            idempotent: true
        )
        /// Signs several orders; 202 when one SMS code must confirm them.
        public static let signBasket = Endpoint<UUID, BasketSignRequest, BasketOutcome>(
            "signBasket",
            .POST,
            "/api/v1/companies/{companyId}/payments/sign",
            auth: .signedIn,
            idempotent: true
        )
        public static let confirmBasket = Endpoint<UUID, BasketConfirmRequest, BasketOutcome>(
            "confirmBasket",
            .POST,
            "/api/v1/companies/{companyId}/payments/confirm",
            auth: .signedIn,
            idempotent: true
        )
        /// §2.3.4: a mobile top-up or utility bill as a draft order (201).
        public static let createServicePayment = Endpoint<UUID, ServicePaymentRequest, PaymentOrderView>(
            "createServicePayment",
            .POST,
            "/api/v1/companies/{companyId}/service-payments",
            auth: .signedIn,
            idempotent: true
        )
        /// §2.3.4: the providers a service payment can go to (mobile operators, utilities).
        public static let listServiceProviders = Endpoint<NoParameters, NoBody, ListPage<ServiceProviderView>>(
            "listServiceProviders",
            .GET,
            "/api/v1/service-providers",
            auth: .signedIn
        )
        /// §2.3.4: who a phone number belongs to, masked.
        public static let lookupPayee = Endpoint<NoParameters, PayeeLookupRequest, PayeeLookupResult>(
            "lookupPayee",
            .POST,
            "/api/v1/payees/lookup",
            auth: .signedIn,
            idempotent: true
        )
        public static let listLimits = Endpoint<UUID, NoBody, ListPage<PaymentLimitView>>(
            "listLimits",
            .GET,
            "/api/v1/companies/{companyId}/limits",
            auth: .signedIn
        )
        /// Step-up: 202 with an `OtpChallengeResponse` first.
        public static let setLimit = Endpoint<UUID, PaymentLimitView, PaymentLimitView>(
            "setLimit",
            .PUT,
            "/api/v1/companies/{companyId}/limits",
            auth: .signedIn,
            idempotent: true
        )
        public static let getSigningRule = Endpoint<UUID, NoBody, SigningRuleView>(
            "getSigningRule",
            .GET,
            "/api/v1/companies/{companyId}/signing-rule",
            auth: .signedIn
        )
        /// Step-up: 202 with an `OtpChallengeResponse` first.
        public static let setSigningRule = Endpoint<UUID, SigningRuleView, SigningRuleView>(
            "setSigningRule",
            .PUT,
            "/api/v1/companies/{companyId}/signing-rule",
            auth: .signedIn,
            idempotent: true
        )
        /// §2.2.4: the countries the company's people may operate from.
        public static let getSecuritySettings = Endpoint<UUID, NoBody, CompanySecuritySettings>(
            "getSecuritySettings",
            .GET,
            "/api/v1/companies/{companyId}/security-settings",
            auth: .signedIn
        )
        /// Step-up: 202 with an `OtpChallengeResponse` first.
        public static let setSecuritySettings = Endpoint<UUID, CompanySecuritySettings, CompanySecuritySettings>(
            "setSecuritySettings",
            .PUT,
            "/api/v1/companies/{companyId}/security-settings",
            auth: .signedIn,
            idempotent: true
        )
    }

    /// Saved beneficiaries (§2.3.2).
    public enum Beneficiaries {
        public static let listBeneficiaries = Endpoint<UUID, NoBody, ListPage<BeneficiaryView>>(
            "listBeneficiarys",
            .GET,
            "/api/v1/companies/{companyId}/beneficiaries",
            auth: .signedIn
        )
        /// 201.
        public static let createBeneficiary = Endpoint<UUID, BeneficiaryView, BeneficiaryView>(
            "createBeneficiary",
            .POST,
            "/api/v1/companies/{companyId}/beneficiaries",
            auth: .signedIn,
            idempotent: true
        )
        public static let updateBeneficiary = Endpoint<UUID, BeneficiaryView, BeneficiaryView>(
            "updateBeneficiary",
            .PUT,
            "/api/v1/beneficiaries/{itemId}",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let deleteBeneficiary = Endpoint<UUID, NoBody, NoContent>(
            "deleteBeneficiary",
            .DELETE,
            "/api/v1/beneficiaries/{itemId}",
            auth: .signedIn,
            idempotent: true
        )
        /// Saves an order's payee (201).
        public static let beneficiaryFromPayment = Endpoint<UUID, SaveFromPaymentRequest, BeneficiaryView>(
            "beneficiaryFromPayment",
            .POST,
            "/api/v1/payments/{paymentId}/beneficiary",
            auth: .signedIn,
            idempotent: true
        )
    }

    /// Payment templates (§2.3.2).
    public enum Templates {
        public static let listTemplates = Endpoint<UUID, NoBody, ListPage<TemplateView>>(
            "listTemplates",
            .GET,
            "/api/v1/companies/{companyId}/templates",
            auth: .signedIn
        )
        /// 201.
        public static let createTemplate = Endpoint<UUID, TemplateView, TemplateView>(
            "createTemplate",
            .POST,
            "/api/v1/companies/{companyId}/templates",
            auth: .signedIn,
            idempotent: true
        )
        public static let updateTemplate = Endpoint<UUID, TemplateView, TemplateView>(
            "updateTemplate",
            .PUT,
            "/api/v1/templates/{itemId}",
            auth: .signedIn,
            idempotent: true
        )
        /// 204.
        public static let deleteTemplate = Endpoint<UUID, NoBody, NoContent>(
            "deleteTemplate",
            .DELETE,
            "/api/v1/templates/{itemId}",
            auth: .signedIn,
            idempotent: true
        )
        /// Saves an order as a template (201).
        public static let templateFromPayment = Endpoint<UUID, SaveFromPaymentRequest, TemplateView>(
            "templateFromPayment",
            .POST,
            "/api/v1/payments/{paymentId}/template",
            auth: .signedIn,
            idempotent: true
        )
    }
}
