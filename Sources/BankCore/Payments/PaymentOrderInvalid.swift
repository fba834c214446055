/// Every reason a payment order was rejected, so the client can fix all fields in one round trip
/// (STYLE.md: validation problems carry a per-field list).
public struct PaymentOrderInvalid: Error, Sendable, Equatable {
    public let violations: [Violation]

    public struct Violation: Sendable, Equatable {
        /// The `PaymentOrderInput` property name, e.g. `beneficiaryAccount`.
        public let field: String
        /// Stable snake_case code, e.g. `invalid_checksum` or `before_document_date`.
        public let code: String

        public init(field: String, code: String) {
            self.field = field
            self.code = code
        }
    }

    public init(violations: [Violation]) {
        self.violations = violations
    }
}
