import BankCore
import Fluent
import Foundation
import SQLKit
import Testing

@testable import BankServer

@Suite("Ledger: double entry, exact money, concurrency")
struct LedgerTests {
    @Test(arguments: TestDatabase.all)
    func transfer_movesMoney_withBalancedEntriesAndRunningBalances(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), [(.kzt, 100_000), (.kzt, 0)])
            try await t.services.ledger.transfer(
                Money(minorUnits: 25_050, currency: .kzt),
                from: try accounts[0].requireID(),
                to: try accounts[1].requireID(),
                kind: "test",
                reference: "r",
                description: "d",
                on: t.db
            )
            #expect(try await t.balance(accounts[0]) == 74_950)
            #expect(try await t.balance(accounts[1]) == 25_050)
            let entries = try await LedgerEntry.query(on: t.db).filter(\.$account.$id == (try accounts[0].requireID())).sort(\.$seq).all()
            #expect(entries.map(\.seq) == [1, 2])
            #expect(entries.map(\.balanceAfter) == [100_000, 74_950])
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func transfer_withInsufficientFunds_movesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), [(.kzt, 1_000), (.kzt, 0)])
            let source = try accounts[0].requireID()
            await #expect(throws: LedgerService.LedgerError.insufficientFunds(accountID: source)) {
                try await t.services.ledger.transfer(
                    Money(minorUnits: 1_001, currency: .kzt),
                    from: source,
                    to: try accounts[1].requireID(),
                    kind: "test",
                    reference: "r",
                    description: "d",
                    on: t.db
                )
            }
            #expect(try await t.balance(accounts[0]) == 1_000)
            #expect(try await t.balance(accounts[1]) == 0)
            #expect(try await LedgerTransaction.query(on: t.db).count() == 1)  // only the funding
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func transfer_toBlockedAccount_orAnotherCurrency_movesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), [(.kzt, 5_000), (.kzt, 0), (.usd, 0)])
            let blocked = accounts[1]
            blocked.status = .blocked
            try await blocked.save(on: t.db)
            for target in [blocked, accounts[2]] {
                let targetID = try target.requireID()
                await #expect(throws: LedgerService.LedgerError.accountUnavailable(accountID: targetID)) {
                    try await t.services.ledger.transfer(
                        Money(minorUnits: 100, currency: .kzt),
                        from: try accounts[0].requireID(),
                        to: targetID,
                        kind: "test",
                        reference: "r",
                        description: "d",
                        on: t.db
                    )
                }
            }
            #expect(try await t.balance(accounts[0]) == 5_000)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test
    func post_refusesAnUnbalancedMovement() async throws {
        try await withApp(.sqlite) { t in
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), [(.kzt, 5_000), (.kzt, 0)])
            await #expect(throws: LedgerService.LedgerError.unbalanced) {
                try await t.services.ledger.post(
                    kind: "test",
                    reference: "r",
                    description: "d",
                    currency: .kzt,
                    legs: [.init(accountID: try accounts[0].requireID(), amount: -100), .init(accountID: try accounts[1].requireID(), amount: 99)],
                    on: t.db
                )
            }
        }
    }

    /// Many tasks move money both ways between overlapping accounts at once: no account goes negative,
    /// no update is lost, the total is unchanged and both invariants hold.
    @Test(arguments: TestDatabase.all)
    func concurrentTransfers_neverOverdraw_neverLoseAnUpdate(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.postgresPoolSize = 8 }) { t in
            // given
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), Array(repeating: (Currency.kzt, Int64(100_000)), count: 5))
            let ids = try accounts.map { try $0.requireID() }
            // when: 300 transfers in 30 parallel workers, pairs chosen so that every pair goes both ways
            let outcomes = try await withThrowingTaskGroup(of: (moved: Int, refused: Int).self) { group in
                for worker in 0..<30 {
                    group.addTask {
                        var moved = 0
                        var refused = 0
                        for step in 0..<10 {
                            let from = ids[(worker + step) % ids.count]
                            let to = ids[(worker + step * 3 + 1) % ids.count]
                            if from == to { continue }
                            let amount = Int64(1 + (worker * 7919 + step * 104_729) % 40_000)
                            do {
                                try await t.services.ledger.transfer(
                                    Money(minorUnits: amount, currency: .kzt),
                                    from: from,
                                    to: to,
                                    kind: "test",
                                    reference: "w\(worker)s\(step)",
                                    description: "concurrent",
                                    on: t.db
                                )
                                moved += 1
                            } catch LedgerService.LedgerError.insufficientFunds {
                                refused += 1
                            }
                        }
                        return (moved, refused)
                    }
                }
                return try await group.reduce(into: (moved: 0, refused: 0)) {
                    $0.moved += $1.moved
                    $0.refused += $1.refused
                }
            }
            // then
            var total: Int64 = 0
            for account in accounts {
                let balance = try await t.balance(account)
                #expect(balance >= 0)
                total += balance
                // the running balance chain is unbroken: each entry follows from the one before it
                let entries = try await LedgerEntry.query(on: t.db).filter(\.$account.$id == (try account.requireID())).sort(\.$seq).all()
                var running: Int64 = 0
                for (index, entry) in entries.enumerated() {
                    #expect(entry.seq == Int64(index + 1))
                    running += entry.amount
                    #expect(entry.balanceAfter == running)
                }
                #expect(running == balance)
            }
            #expect(total == 500_000)
            #expect(outcomes.moved > 0)
            #expect(try await LedgerTransaction.query(on: t.db).count() == 5 + outcomes.moved)
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func ledgerVerify_namesEachKindOfBreach(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let accounts = try await t.fundedAccounts(companyID: try await t.company(), [(.kzt, 5_000), (.kzt, 0)])
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
            // a balance written directly, not through entries
            try await t.sql.raw("UPDATE accounts SET balance = balance + 1 WHERE id = \(bind: try accounts[1].requireID())").run()
            let breaches = try await LedgerVerifier.verify(on: t.db)
            #expect(breaches == [.balanceMismatch(iban: accounts[1].iban, cached: 1, entries: 0)])
            // an entry with no other side
            let transaction = try #require(try await LedgerTransaction.query(on: t.db).first())
            let entry = LedgerEntry()
            entry.$transaction.id = try transaction.requireID()
            entry.$account.id = try accounts[1].requireID()
            entry.seq = 99
            entry.currency = "KZT"
            entry.amount = 1
            entry.balanceAfter = 1
            entry.createdAt = t.clock.now()
            try await entry.create(on: t.db)
            let more = try await LedgerVerifier.verify(on: t.db)
            #expect(more.contains(.currencyNotZero(currency: "KZT", sum: 1)))
            #expect(more.contains(.transactionUnbalanced(transactionID: try transaction.requireID(), currency: "KZT", sum: 1)))
            #expect(more.contains(.entryCountMismatch(iban: accounts[1].iban, cached: 0, entries: 1)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoData_isFundedThroughTheLedger(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await DemoSeeder(services: t.services).seedIfEmpty(on: t.db, announce: { _ in })
            let accounts = try await Account.query(on: t.db).filter(\.$kind == .current).all()
            #expect(Set(accounts.map(\.currency)) == ["KZT", "USD", "EUR"])
            #expect(accounts.allSatisfy { $0.balance > 0 && $0.entryCount == 1 })
            #expect(accounts.allSatisfy { (try? IBAN($0.iban))?.bankCode == t.services.config.bankCode })
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }
}
