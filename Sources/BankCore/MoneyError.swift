/// Why a money value could not be built or combined.
public enum MoneyError: Error, Equatable, Sendable {
    /// The result does not fit in Int64 minor units.
    case overflow
    /// Amounts in different currencies were combined; conversion is an explicit FX operation, never implicit.
    case currencyMismatch
    /// The currency code is not one the bank settles in.
    case unknownCurrency
    /// The text is not a decimal amount the currency can represent exactly.
    case invalidAmount
}
