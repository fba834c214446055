/// Every reason an input was rejected, so the client can fix all fields in one round trip (STYLE.md: validation
/// problems carry a per-field list). `Subject` only tells the kinds apart (`PaymentOrderInvalid`,
/// `PayrollCSVInvalid`); the shape is the same for all of them.
public struct ValidationFailure<Subject>: Error, Sendable, Equatable {
    public let violations: [Violation]

    public struct Violation: Sendable, Equatable {
        /// Which part of the input, named as the subject's alias documents it.
        public let field: String
        /// Stable snake_case code, e.g. `invalid_checksum` or `required`.
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
