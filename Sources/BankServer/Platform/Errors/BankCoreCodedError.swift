import BankCore

/// BankCore's errors carry a stable code; this lets validation read it without knowing each type.
protocol BankCoreCodedError: Error {
    var code: String { get }
}

extension IdentifierError: BankCoreCodedError {}
