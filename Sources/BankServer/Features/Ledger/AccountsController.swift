import BankAPI
import BankCore
import Fluent
import Vapor

/// Accounts and statements, company-scoped (issue 3).
enum AccountsController {
    static func list(req: Request) async throws -> ListPage<AccountView> {
        let companyID = try req.parameter(.companyId)
        return ListPage(items: try await req.bank.accounts.accounts(companyID: companyID, on: req.db).map(Self.view), nextCursor: nil)
    }

    /// Only the director opens accounts.
    static func open(req: Request) async throws -> Reply<AccountView> {
        let companyID = try req.parameter(.companyId)
        let body = try req.decodeBody(OpenAccountRequest.self)
        var validator = FieldValidator()
        let currency = validator.parse("currency") { () throws -> Currency in
            guard let currency = try? Currency(code: body.currency), AccountService.currencies.contains(currency) else {
                throw BankError.malformedRequest
            }
            return currency
        }
        let name = body.name.map { validator.require("name", $0, maxLength: 100) } ?? nil
        try validator.throwIfInvalid()
        guard let currency else { throw BankError.internalError }
        let services = req.bank
        let account = try await req.db.transaction { tx in
            try await services.accounts.open(companyID: companyID, currency: currency, name: name ?? "Current \(currency.code)", on: tx)
        }
        return .created(try Self.view(account))
    }

    /// Issue 14: only the director closes an account, and only with a zero balance (409 `account_balance_not_zero`).
    static func close(req: Request) async throws -> AccountView {
        let account = try await AccountClosure(services: req.bank)
            .close(accountID: try req.parameter(.accountId), companyID: try req.parameter(.companyId), by: try req.caller.userID, on: req.db)
        return try Self.view(account)
    }

    static func show(req: Request) async throws -> AccountView {
        let (account, _) = try await CompanyAccess.account(try req.parameter(.accountId), userID: try req.caller.userID, on: req.db)
        return try Self.view(account)
    }

    /// Entries with the running balance, newest first, keyset-paginated by the entry sequence (`cursor`),
    /// optionally limited to a booking-date range (`from`, `to`: YYYY-MM-DD, inclusive, UTC).
    static func statement(req: Request) async throws -> ListPage<StatementLineView> {
        let (account, _) = try await CompanyAccess.account(try req.parameter(.accountId), userID: try req.caller.userID, on: req.db)
        let query = try StatementQuery(from: req)
        let currency = try Currency(code: account.currency)
        let entries = try await StatementReader(account: account).page(query, on: req.db)
        let lines = try entries.prefix(query.limit).map { entry in
            StatementLineView(
                seq: entry.seq,
                transactionId: entry.$transaction.id,
                bookedAt: entry.createdAt,
                kind: entry.transaction.kind,
                description: entry.transaction.description,
                amount: Money(minorUnits: entry.amount, currency: currency),
                balanceAfter: Money(minorUnits: entry.balanceAfter, currency: currency)
            )
        }
        let next = entries.count > query.limit ? lines.last.map { String($0.seq) } : nil
        return ListPage(items: lines, nextCursor: next)
    }

    static func view(_ account: Account) throws -> AccountView {
        let currency = try Currency(code: account.currency)
        let iban = try IBAN(account.iban)
        return AccountView(
            id: try account.requireID(),
            companyId: account.$company.id ?? UUID(),
            iban: iban.value,
            ibanFormatted: iban.formatted,
            currency: currency.code,
            name: account.name,
            status: account.status.rawValue,
            balance: Money(minorUnits: account.balance, currency: currency),
            hold: Money(minorUnits: account.hold, currency: currency),
            available: Money(minorUnits: account.available, currency: currency),
            closedAt: account.closedAt
        )
    }
}

extension AccountView: Content {}
extension StatementLineView: Content {}
