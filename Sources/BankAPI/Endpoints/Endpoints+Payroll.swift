import Foundation

extension Endpoints {
    /// Payrolls: upload the CSV, then sign and confirm like an order.
    public enum Payroll {
        /// The CSV travels as text inside the JSON body (201).
        public static let uploadPayroll = Endpoint<UUID, PayrollUpload, PayrollView>(
            "uploadPayroll",
            .POST,
            "/api/v1/companies/{companyId}/payrolls",
            auth: .signedIn,
            idempotent: true
        )
        public static let getPayroll = Endpoint<UUID, NoBody, PayrollView>("getPayroll", .GET, "/api/v1/payrolls/{payrollId}", auth: .signedIn)
        /// 202 with `confirmation` set when an SMS code must confirm it. The body may be empty.
        public static let signPayroll = Endpoint<UUID, SignPaymentRequest, PayrollView>(
            "signPayroll",
            .POST,
            "/api/v1/payrolls/{payrollId}/sign",
            auth: .signedIn,
            idempotent: true
        )
        public static let confirmPayroll = Endpoint<UUID, OtpAnswer, PayrollView>(
            "confirmPayroll",
            .POST,
            "/api/v1/payrolls/{payrollId}/confirm",
            auth: .signedIn,
            idempotent: true
        )
    }

    /// Statement files and payment receipts.
    public enum Statements {
        /// The bytes of a CSV (`format=csv`) or 1C text file (`format=1c`, UTF-8 or Windows-1251), as an attachment.
        public static let exportStatement = Endpoint<UUID, NoBody, NoContent>(
            "exportStatement",
            .GET,
            "/api/v1/accounts/{accountId}/statement/export",
            auth: .signedIn
        )
        /// JSON; with `format=html` the printable receipt page instead (read as bytes).
        public static let getPaymentReceipt = Endpoint<UUID, NoBody, PaymentReceipt>(
            "getPaymentReceipt",
            .GET,
            "/api/v1/payments/{paymentId}/receipt",
            auth: .signedIn
        )
    }
}
