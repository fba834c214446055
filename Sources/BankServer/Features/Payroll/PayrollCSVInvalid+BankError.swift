import BankCore

extension BankError {
    /// A rejected payroll CSV answers 422 `validation_failed` with one entry per bad line or field.
    init(_ invalid: PayrollCSVInvalid) {
        self = .validation(invalid.violations.map { FieldViolation(field: $0.field, code: FieldCode(core: $0.code)) })
    }
}
