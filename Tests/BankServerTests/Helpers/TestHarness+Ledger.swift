import BankCore
import Fluent
import Foundation

@testable import BankServer

extension TestHarness {
    /// A company with one account per given currency, each funded from the bank through the ledger.
    func fundedAccounts(companyID: UUID, _ funds: [(Currency, Int64)]) async throws -> [Account] {
        var accounts: [Account] = []
        for (currency, amount) in funds {
            let account = try await services.accounts.open(companyID: companyID, currency: currency, name: "Test \(currency.code)", on: db)
            if amount > 0 {
                let funding = try await services.accounts.bankAccount(.bankFunding, currency: currency, on: db)
                try await services.ledger.transfer(
                    Money(minorUnits: amount, currency: currency),
                    from: try funding.requireID(),
                    to: try account.requireID(),
                    kind: "test_funding",
                    reference: "test",
                    description: "funding",
                    on: db
                )
            }
            accounts.append(try await Account.find(try account.requireID(), on: db)!)
        }
        return accounts
    }

    func company() async throws -> UUID {
        let company = Company(name: "ТОО Тест", bin: Fixtures.bin().value)
        try await company.create(on: db)
        return try company.requireID()
    }

    func balance(_ account: Account) async throws -> Int64 {
        try await Account.find(try account.requireID(), on: db)?.balance ?? .min
    }
}
