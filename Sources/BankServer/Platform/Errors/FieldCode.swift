/// Every per-field validation code a client can receive (the `code` of each entry in a problem's `errors`, stable
/// across releases): one case each, so a validator cannot invent a code, and the localisation test checks `allCases`
/// (`field.<code>` in kk, ru and en). The wire carries `rawValue`.
enum FieldCode: String, Sendable, CaseIterable, CustomStringConvertible {
    case accountClosed = "account_closed"
    case amountTooLarge = "amount_too_large"
    case beforeDocumentDate = "before_document_date"
    case beforeDetection = "before_detection"
    case bicMismatch = "bic_mismatch"
    case containsPersonalData = "contains_personal_data"
    case currencyMismatch = "currency_mismatch"
    case duplicate
    case inTheFuture = "in_the_future"
    case inThePast = "in_the_past"
    case invalidCharacters = "invalid_characters"
    case invalidChecksum = "invalid_checksum"
    case invalidCountry = "invalid_country"
    case invalidDate = "invalid_date"
    case invalidFormat = "invalid_format"
    case invalidHours = "invalid_hours"
    case invalidTypeDigit = "invalid_type_digit"
    case invalidValue = "invalid_value"
    case mustBeTrue = "must_be_true"
    case noMembers = "no_members"
    case notAllowed = "not_allowed"
    case notBlocked = "not_blocked"
    case notDirector = "not_director"
    case notFound = "not_found"
    case notMobile = "not_mobile"
    case notPositive = "not_positive"
    case notYourIin = "not_your_iin"
    case oneTargetOnly = "one_target_only"
    case outOfRange = "out_of_range"
    case required
    case sameAccount = "same_account"
    case statementTooLarge = "statement_too_large"
    case tooCommon = "too_common"
    case tooLong = "too_long"
    case tooShort = "too_short"
    case unchanged
    case unknownAccessibility = "unknown_accessibility"
    case unknownAccount = "unknown_account"
    case unknownCategory = "unknown_category"
    case unknownChannel = "unknown_channel"
    case unknownCode = "unknown_code"
    case unknownCompany = "unknown_company"
    case unknownEdition = "unknown_edition"
    case unknownPurpose = "unknown_purpose"
    case unknownService = "unknown_service"
    case unknownUser = "unknown_user"
    case wrongLength = "wrong_length"

    /// The wire code, so a code in a log line or a message reads as it does on the wire.
    var description: String { rawValue }

    /// A code BankCore reports as a string (`IdentifierError.code`, payment-order, payroll-CSV and password checks).
    /// Every code BankCore emits is a case (`FieldCodeTests`); anything else would read as `invalid_value`.
    init(core code: String) {
        self = FieldCode(rawValue: code) ?? .invalidValue
    }
}
