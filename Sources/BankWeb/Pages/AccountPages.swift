import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// Accounts and balances, the statement page by page with its filters, and the CSV / 1C downloads.
enum AccountPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("accounts") { req in try await accounts(Web(req)) }
        routes.post("accounts") { req in try await openAccount(Web(req)) }
        routes.get("accounts", ":accountId") { req in try await statement(Web(req)) }
        routes.get("accounts", ":accountId", "export") { req in try await export(Web(req)) }
    }

    /// The company the person works in now: `?company=` or the first membership.
    static func company(_ web: Web, _ me: UserProfile) -> CompanyMembershipView? {
        let chosen = web.request.query[String.self, at: "company"].flatMap(UUID.init(uuidString:))
        return me.companies.first { $0.id == chosen } ?? me.companies.first
    }

    static func money(_ value: Money) -> String { MoneyFormat.text(minorUnits: value.minorUnits, currency: value.currency.code) }

    static func accounts(_ web: Web) async throws -> Response {
        let client = web.client()
        let me = try await client.send(Endpoints.Sessions.getMe)
        guard let company = company(web, me) else {
            return web.page(web.t("accounts.title"), "<p>\(web.t("accounts.noCompany"))</p>")
        }
        let accounts = try await client.send(Endpoints.Accounts.listAccounts, company.id).items
        let switcher: [Markup] =
            me.companies.count < 2 ? [] : me.companies.map { "<a href=\"/accounts?company=\($0.id.uuidString)\">\($0.name)</a> " }
        let rows: [Markup] = accounts.map { account in
            """
            <li class="account">
              <a href="/accounts/\(account.id.uuidString)">
                <span class="name">\(account.name)</span>
                <span class="iban">\(account.ibanFormatted)</span>
                <strong class="amount" data-testid="balance">\(money(account.balance))</strong>
                <small>\(web.t("accounts.available")) \(money(account.available))</small>
              </a>
            </li>
            """
        }
        let canOpen = company.role == "director"
        return web.page(
            web.t("accounts.title"),
            """
            <p class="company">\(company.name) · \(company.bin)</p>
            \(Markup.when(!switcher.isEmpty, "<p class=\"switch\">\(switcher)</p>"))
            \(Markup.when(accounts.isEmpty, "<p>\(web.t("accounts.none"))</p>"))
            <ul class="accounts">\(rows)</ul>
            \(Markup.when(canOpen, """
            <form method="post" action="/accounts" class="card inline-form">\(Layout.csrfField(web))
              <input type="hidden" name="companyId" value="\(company.id.uuidString)">
              <label class="field"><span>\(web.t("field.currency"))</span>
                <select name="currency"><option>KZT</option><option>USD</option><option>EUR</option></select></label>
              <button>\(web.t("accounts.open"))</button>
            </form>
            """))
            <p><a class="button" href="/payments/new">\(web.t("payments.new"))</a></p>
            """
        )
    }

    static func openAccount(_ web: Web) async throws -> Response {
        guard let companyID = UUID(uuidString: web.form("companyId")) else { throw Abort(.badRequest) }
        _ = try await web.client().send(Endpoints.Accounts.openAccount, companyID, body: OpenAccountRequest(currency: web.form("currency")))
        return web.redirect("/accounts?company=\(companyID.uuidString)")
    }

    static func statement(_ web: Web) async throws -> Response {
        guard let id = web.request.parameters.get("accountId").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let client = web.client()
        let account = try await client.send(Endpoints.Accounts.getAccount, id)
        var query: [URLQueryItem] = []
        let from = web.request.query[String.self, at: "from"] ?? ""
        let to = web.request.query[String.self, at: "to"] ?? ""
        if !from.isEmpty { query.append(URLQueryItem(name: "from", value: from)) }
        if !to.isEmpty { query.append(URLQueryItem(name: "to", value: to)) }
        if let cursor = web.request.query[String.self, at: "cursor"] { query.append(URLQueryItem(name: "cursor", value: cursor)) }
        query.append(URLQueryItem(name: "limit", value: "20"))
        let page: ListPage<StatementLineView>
        do {
            page = try await client.send(Endpoints.Accounts.getStatement, id, options: BankClient.Options(query: query))
        } catch let error where Layout.errors(of: error) != nil {
            return web.page(account.name, Layout.alert(Layout.errors(of: error)?.title))
        }
        let rows: [Markup] = page.items.map { line in
            """
            <tr><td>\(KazakhstanTime.text(line.bookedAt))</td><td>\(line.description)</td>
            <td class="num\(Markup(raw: line.amount.minorUnits < 0 ? " debit" : " credit"))">\(money(line.amount))</td>
            <td class="num">\(money(line.balanceAfter))</td></tr>
            """
        }
        let filter = "from=\(from)&to=\(to)"
        let next: Markup =
            page.nextCursor.map {
                "<a class=\"button\" href=\"/accounts/\(id.uuidString)?\(filter)&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")\">\(web.t("statement.more"))</a>"
            } ?? ""
        return web.page(
            account.name,
            """
            <p class="iban">\(account.ibanFormatted)</p>
            <p class="balance">\(web.t("accounts.balance")) <strong data-testid="balance">\(money(account.balance))</strong></p>
            <form method="get" class="filters">
              <label class="field"><span>\(web.t("statement.from"))</span><input type="date" name="from" value="\(from)"></label>
              <label class="field"><span>\(web.t("statement.to"))</span><input type="date" name="to" value="\(to)"></label>
              <button>\(web.t("statement.show"))</button>
            </form>
            <p class="downloads">
              <a href="/accounts/\(id.uuidString)/export?format=csv&\(filter)" download>CSV</a>
              <a href="/accounts/\(id.uuidString)/export?format=1c&\(filter)" download>1C</a>
            </p>
            <div class="table-wrap"><table class="statement">
              <thead><tr><th>\(web.t("statement.date"))</th><th>\(web.t("statement.description"))</th><th>\(web.t("statement.amount"))</th><th>\(web.t("statement.balance"))</th></tr></thead>
              <tbody>\(rows)</tbody>
            </table></div>
            \(Markup.when(page.items.isEmpty, "<p>\(web.t("statement.empty"))</p>"))
            \(next)
            """
        )
    }

    static func export(_ web: Web) async throws -> Response {
        guard let id = web.request.parameters.get("accountId").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let format: BankClient.StatementFormat = web.request.query[String.self, at: "format"] == "1c" ? .oneC : .csv
        let from = web.request.query[String.self, at: "from"].flatMap { $0.isEmpty ? nil : $0 }
        let to = web.request.query[String.self, at: "to"].flatMap { $0.isEmpty ? nil : $0 }
        let bytes = try await web.client().statementFile(account: id, format: format, from: from, to: to)
        let name = format == .oneC ? "statement.txt" : "statement.csv"
        let type = format == .oneC ? "text/plain; charset=utf-8" : "text/csv; charset=utf-8"
        return Response(
            status: .ok,
            headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\""],
            body: .init(data: bytes)
        )
    }
}
