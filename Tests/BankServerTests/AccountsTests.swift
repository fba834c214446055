import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Accounts and statements (company-scoped)")
struct AccountsTests {
    /// A registered director with a funded KZT account.
    private func director(_ t: TestHarness, funds: Int64 = 1_000_000) async throws -> (SessionGrant, UUID, Account) {
        let grant = try await t.registerActive()
        let companyID = try #require(grant.user.companies.first?.id)
        let account = try await t.fundedAccounts(companyID: companyID, [(.kzt, funds)])[0]
        return (grant, companyID, account)
    }

    @Test(arguments: TestDatabase.all)
    func accounts_areListedWithExactBalances_forMembers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (grant, companyID, account) = try await director(t, funds: 123_456_78)
            let response = try await t.send(.GET, "/api/v1/companies/\(companyID)/accounts", token: grant.token)
            #expect(response.status == .ok)
            let page = try response.content.decode(ListPage<AccountView>.self)
            let view = try #require(page.items.first)
            #expect(view.iban == account.iban)
            #expect(view.balance == Money(minorUnits: 123_456_78, currency: .kzt))
            #expect(view.available.minorUnits == 123_456_78)
            #expect(view.ibanFormatted.split(separator: " ").count == 5)
            #expect(try IBAN(view.iban).bankCode == t.services.config.bankCode)
        }
    }

    /// Company B's user can neither list, open, read nor page through company A's accounts — by id guessing too.
    @Test(arguments: TestDatabase.all)
    func anotherCompanysAccounts_areNotFound_onEveryEndpoint(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (_, companyA, accountA) = try await director(t)
            let (intruder, _, _) = try await director(t)
            let accountID = try accountA.requireID()
            let attempts: [(HTTPMethod, String, (any Encodable)?)] = [
                (.GET, "/api/v1/companies/\(companyA)/accounts", nil),
                (.POST, "/api/v1/companies/\(companyA)/accounts", OpenAccountRequest(currency: "USD")),
                (.GET, "/api/v1/accounts/\(accountID)", nil),
                (.GET, "/api/v1/accounts/\(accountID)/statement", nil),
                (.GET, "/api/v1/companies/\(UUID())/accounts", nil),
                (.GET, "/api/v1/accounts/\(UUID())", nil),
            ]
            for (method, path, body) in attempts {
                let response = try await t.send(method, path, json: body, token: intruder.token)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(try t.problem(response).code == "not_found")
            }
            #expect(try await Account.query(on: t.db).filter(\.$company.$id == companyA).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func openingAnAccount_isForTheDirector_only(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (grant, companyID, _) = try await director(t)
            let opened = try await t.send(
                .POST,
                "/api/v1/companies/\(companyID)/accounts",
                json: OpenAccountRequest(currency: "EUR"),
                token: grant.token
            )
            #expect(opened.status == .created)
            #expect(try opened.content.decode(AccountView.self).currency == "EUR")
            let invalid = try await t.send(
                .POST,
                "/api/v1/companies/\(companyID)/accounts",
                json: OpenAccountRequest(currency: "RUB"),
                token: grant.token
            )
            #expect(try t.problem(invalid).errors?.first?.field == "currency")
            // an accountant of the same company
            let accountant = try await t.registerActive()
            let accountantUser = try #require(try await User.find(accountant.user.id, on: t.db))
            try await Membership(userID: try accountantUser.requireID(), companyID: companyID, role: .accountant).create(on: t.db)
            let refused = try await t.send(
                .POST,
                "/api/v1/companies/\(companyID)/accounts",
                json: OpenAccountRequest(currency: "USD"),
                token: accountant.token
            )
            #expect(refused.status == .forbidden)
            let listed = try await t.send(.GET, "/api/v1/companies/\(companyID)/accounts", token: accountant.token)
            #expect(try listed.content.decode(ListPage<AccountView>.self).items.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func statement_pagesByCursor_withRunningBalances(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let (grant, companyID, account) = try await director(t, funds: 10_000)
            let other = try await t.fundedAccounts(companyID: companyID, [(.kzt, 0)])[0]
            for index in 1...7 {
                try await t.services.ledger.transfer(
                    Money(minorUnits: Int64(index * 100), currency: .kzt),
                    from: try account.requireID(),
                    to: try other.requireID(),
                    kind: "test",
                    reference: "r\(index)",
                    description: "payment \(index)",
                    on: t.db
                )
            }
            var lines: [StatementLineView] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/accounts/\(try account.requireID())/statement?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await t.send(.GET, path, token: grant.token).requireStatus(.ok).content.decode(ListPage<StatementLineView>.self)
                #expect(page.items.count <= 3)
                lines += page.items
                cursor = page.nextCursor
            } while cursor != nil
            #expect(lines.map(\.seq) == Array((1...8).reversed()).map(Int64.init))
            #expect(lines.first?.balanceAfter == Money(minorUnits: 7_200, currency: .kzt))
            #expect(lines.last?.balanceAfter == Money(minorUnits: 10_000, currency: .kzt))
            for (newer, older) in zip(lines, lines.dropFirst()) {
                #expect(newer.balanceAfter.minorUnits == older.balanceAfter.minorUnits + newer.amount.minorUnits)
            }
            let bad = try await t.send(.GET, "/api/v1/accounts/\(try account.requireID())/statement?from=2026-13-01&cursor=x", token: grant.token)
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["from", "cursor"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func statement_filtersByBookingDate(_ database: TestDatabase) async throws {
        // the session must outlive the two days the clock moves
        let longSessions = ConfigChange.set {
            $0.security.sessionIdleSeconds = 7 * 86_400
            $0.security.sessionAbsoluteSeconds = 7 * 86_400
        }
        try await withApp(database, adjust: longSessions) { t in
            let (grant, _, account) = try await director(t, funds: 10_000)
            let day = ISO8601DateFormatter().string(from: t.clock.now()).prefix(10)
            let today = try await t.send(.GET, "/api/v1/accounts/\(try account.requireID())/statement?from=\(day)&to=\(day)", token: grant.token)
            try today.requireStatus(.ok)
            #expect(try today.content.decode(ListPage<StatementLineView>.self).items.count == 1)
            t.clock.advance(seconds: 2 * 86_400)
            let later = ISO8601DateFormatter().string(from: t.clock.now()).prefix(10)
            let none = try await t.send(.GET, "/api/v1/accounts/\(try account.requireID())/statement?from=\(later)", token: grant.token)
            #expect(try none.content.decode(ListPage<StatementLineView>.self).items.isEmpty)
        }
    }
}
