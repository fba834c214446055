/// Every reason a payroll CSV was rejected, by line or for the whole file, so the accountant can fix the file in
/// one round trip. `field` is `line[N]`, `line[N].fullName|iin|iban|amount`, or `csv`; `code` an `IdentifierError`
/// code, `invalid_format`, `not_positive`, `required` or `too_long`.
public typealias PayrollCSVInvalid = ValidationFailure<PayrollCSV>
