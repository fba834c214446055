/// Every reason a payroll CSV was rejected, by line (`line[3].iban`) or for the whole file (`csv`), so the
/// accountant can fix the file in one round trip (STYLE.md: validation problems carry a per-field list).
public struct PayrollCSVInvalid: Error, Sendable, Equatable {
    public let violations: [Violation]

    public struct Violation: Sendable, Equatable {
        /// `line[N]`, `line[N].fullName|iin|iban|amount`, or `csv`.
        public let field: String
        /// Stable snake_case code: an `IdentifierError` code, `invalid_format`, `not_positive`, `required`, `too_long`.
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
