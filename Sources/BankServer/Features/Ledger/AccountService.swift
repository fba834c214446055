import BankCore
import Fluent
import Foundation

/// Opens accounts with IBANs in the bank's code (MOD-97 check digits), and keeps the bank's own accounts.
struct AccountService: Sendable {
    let services: BankServices

    static let currencies: [Currency] = [.kzt, .usd, .eur]

    /// A new current account for a company; the 13-character account part is random and unique.
    func open(companyID: UUID, currency: Currency, name: String, on database: any Database) async throws -> Account {
        for _ in 0..<10 {
            guard let iban = IBAN.make(bankCode: services.config.bankCode, accountPart: SecureRandom.digits(13)) else { continue }
            if try await Account.query(on: database).filter(\.$iban == iban.value).count() > 0 { continue }
            let account = makeAccount(iban: iban, currency: currency, kind: .current, name: name)
            account.$company.id = companyID
            try await account.create(on: database)
            try await AuditLog.record(
                .accountOpened,
                actor: nil,
                subject: .company(companyID),
                details: ["account": try account.requireID().uuidString, "currency": currency.code],
                at: services.clock.now(),
                on: database
            )
            return account
        }
        throw BankError.internalError
    }

    /// The bank's own account of a kind and currency, created on first use with a fixed IBAN so that
    /// concurrent first uses converge on one row (the IBAN is unique).
    func bankAccount(_ kind: Account.Kind, currency: Currency, slot: Int = 0, on database: any Database) async throws -> Account {
        let kindDigit = ["bank_funding": "1", "clearing_transit": "2", "provider": "3", "current": "4"][kind.rawValue] ?? "9"
        let currencyDigits = ["KZT": "398", "USD": "840", "EUR": "978"][currency.code] ?? "000"
        // Slot tells apart several accounts of one kind (e.g. one per service provider); slot 0 is the kind's main account.
        let slotDigits = String(format: "%03d", slot % 1000)
        guard let iban = IBAN.make(bankCode: services.config.bankCode, accountPart: "000000" + slotDigits + kindDigit + currencyDigits) else {
            throw BankError.internalError
        }
        if let existing = try await Account.query(on: database).filter(\.$iban == iban.value).first() { return existing }
        let account = makeAccount(iban: iban, currency: currency, kind: kind, name: "Bank \(kind.rawValue) \(currency.code) \(slot)")
        do {
            try await account.create(on: database)
            return account
        } catch {
            guard let existing = try await Account.query(on: database).filter(\.$iban == iban.value).first() else { throw error }
            return existing
        }
    }

    /// The company's accounts, only through a membership of the caller (company-scoped authorization).
    func accounts(companyID: UUID, on database: any Database) async throws -> [Account] {
        try await LedgerQueries.accounts(companyID: companyID, on: database)
    }

    private func makeAccount(iban: IBAN, currency: Currency, kind: Account.Kind, name: String) -> Account {
        let account = Account()
        account.id = UUID()
        account.createdAt = services.clock.now()
        account.iban = iban.value
        account.currency = currency.code
        account.kind = kind
        account.name = name
        account.status = .active
        account.balance = 0
        account.hold = 0
        account.entryCount = 0
        return account
    }
}

extension BankServices {
    var accounts: AccountService { AccountService(services: self) }
}
