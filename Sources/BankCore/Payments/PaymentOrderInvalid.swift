/// Every reason a payment order was rejected. `field` is the `PaymentOrderInput` property name, e.g.
/// `beneficiaryAccount`; `code` a stable snake_case code, e.g. `invalid_checksum` or `before_document_date`.
public typealias PaymentOrderInvalid = ValidationFailure<PaymentOrderInput>
