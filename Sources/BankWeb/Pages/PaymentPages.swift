import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// Payment orders: the list, the form with each field's localised error, the order with its signatures, signing,
/// the second signature and the SMS confirmation.
enum PaymentPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("payments") { req in try await list(Web(req)) }
        routes.get("payments", "new") { req in try await form(Web(req)) }
        routes.post("payments", "new") { req in try await create(Web(req)) }
        routes.get("payments", ":paymentId") { req in try await show(Web(req)) }
        routes.post("payments", ":paymentId", "sign") { req in try await sign(Web(req)) }
        routes.post("payments", ":paymentId", "confirm") { req in try await confirm(Web(req)) }
    }

    static let fields = [
        "number", "payerAccount", "beneficiaryName", "beneficiaryTaxID", "beneficiaryAccount", "beneficiaryBIC", "kbe", "knp", "purpose",
        "amount", "valueDate",
    ]

    static func status(_ web: Web, _ status: String) -> Markup { "<span class=\"status s-\(status)\">\(web.t("status." + status))</span>" }

    static func list(_ web: Web) async throws -> Response {
        let client = web.client()
        let me = try await client.send(Endpoints.Sessions.getMe)
        guard let company = AccountPages.company(web, me) else { return web.redirect("/accounts") }
        var query: [URLQueryItem] = []
        if web.request.query[String.self, at: "awaiting"] == "me" { query.append(URLQueryItem(name: "awaiting", value: "me")) }
        let page = try await client.send(Endpoints.Payments.listPayments, company.id, options: BankClient.Options(query: query))
        let rows: [Markup] = page.items.map { order in
            """
            <li><a href="/payments/\(order.id.uuidString)">
              <span>№ \(order.number) · \(order.beneficiaryName)</span>
              <strong class="amount">\(AccountPages.money(order.amount))</strong>
              \(status(web, order.status))
            </a></li>
            """
        }
        return web.page(
            web.t("payments.title"),
            """
            <p><a class="button" href="/payments/new">\(web.t("payments.new"))</a>
               <a class="button secondary" href="/payments/services">\(web.t("services.title"))</a>
               <a href="/payments?awaiting=me">\(web.t("payments.awaitingMe"))</a></p>
            \(Markup.when(page.items.isEmpty, "<p>\(web.t("payments.none"))</p>"))
            <ul class="orders">\(rows)</ul>
            """
        )
    }

    static func form(_ web: Web, values: [String: String] = [:], error: String? = nil, errors: [String: String] = [:]) async throws -> Response {
        let client = web.client()
        let me = try await client.send(Endpoints.Sessions.getMe)
        guard let company = AccountPages.company(web, me) else { return web.redirect("/accounts") }
        let accounts = try await client.send(Endpoints.Accounts.listAccounts, company.id).items
        let today = KazakhstanTime.today()
        func value(_ name: String, _ fallback: String = "") -> String { values[name] ?? fallback }
        func field(_ name: String, _ extra: String = "", type: String = "text", fallback: String = "") -> Markup {
            Layout.field(web, name, label: web.t("order." + name), value: value(name, fallback), type: type, errors: errors, extra: extra)
        }
        let options: [Markup] = accounts.map { account in
            let selected = value("payerAccount") == account.iban ? " selected" : ""
            return
                "<option value=\"\(account.iban)\"\(Markup(raw: selected))>\(account.name) · \(account.ibanFormatted) · \(AccountPages.money(account.available))</option>"
        }
        return web.page(
            web.t("payments.new"),
            """
            \(Layout.alert(error))
            <form method="post" action="/payments/new" class="card" novalidate>
              \(Layout.csrfField(web))
              <input type="hidden" name="companyId" value="\(company.id.uuidString)">
              \(field("number", "required", fallback: String(Int.random(in: 1...9999))))
              <label class="field\(Markup(raw: errors["payerAccount"] == nil ? "" : " invalid"))"><span>\(web.t("order.payerAccount"))</span>
                <select name="payerAccount">\(options)</select>
                \(Markup.when(errors["payerAccount"] != nil, "<small class=\"error\">\(errors["payerAccount"] ?? "")</small>"))
              </label>
              \(field("beneficiaryName", "required"))
              \(field("beneficiaryTaxID", "inputmode=\"numeric\" maxlength=\"12\" required"))
              \(field("beneficiaryAccount", "maxlength=\"34\" required"))
              \(field("beneficiaryBIC", "maxlength=\"11\" required"))
              \(field("kbe", "inputmode=\"numeric\" maxlength=\"2\" required", fallback: "17"))
              \(field("knp", "inputmode=\"numeric\" maxlength=\"3\" required", fallback: "710"))
              \(field("purpose", "required"))
              \(field("amount", "inputmode=\"decimal\" required"))
              \(field("valueDate", "required", type: "date", fallback: today))
              <button>\(web.t("payments.create"))</button>
            </form>
            """
        )
    }

    static func create(_ web: Web) async throws -> Response {
        guard let companyID = UUID(uuidString: web.form("companyId")) else { throw Abort(.badRequest) }
        var values: [String: String] = [:]
        for name in fields { values[name] = web.form(name) }
        let today = KazakhstanTime.today()
        let currency = try await web.client().send(Endpoints.Accounts.listAccounts, companyID).items.first { $0.iban == values["payerAccount"] }?
            .currency
        let input = PaymentOrderInput(
            number: values["number"] ?? "",
            date: today,
            payerAccount: values["payerAccount"] ?? "",
            beneficiaryName: values["beneficiaryName"] ?? "",
            beneficiaryTaxID: values["beneficiaryTaxID"] ?? "",
            beneficiaryAccount: (values["beneficiaryAccount"] ?? "").replacingOccurrences(of: " ", with: ""),
            beneficiaryBIC: values["beneficiaryBIC"] ?? "",
            kbe: values["kbe"] ?? "",
            knp: values["knp"] ?? "",
            purpose: values["purpose"] ?? "",
            amount: (values["amount"] ?? "").replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: ""),
            currency: currency ?? "KZT",
            valueDate: values["valueDate"] ?? today,
            urgency: "standard"
        )
        do {
            let order = try await web.client().send(Endpoints.Payments.createPayment, companyID, body: input)
            return web.redirect("/payments/\(order.id.uuidString)")
        } catch let error where Layout.errors(of: error) != nil {
            let (title, errors) = Layout.errors(of: error) ?? ("", [:])
            return try await form(web, values: values, error: title, errors: errors)
        }
    }

    static func show(_ web: Web, notice: String? = nil, error: String? = nil, challenge: OtpChallengeResponse? = nil) async throws -> Response {
        guard let id = web.request.parameters.get("paymentId").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let order = try await web.client().send(Endpoints.Payments.getPayment, id)
        let signatures: [Markup] = order.signatures.map { "<li>\(web.t("slot." + $0.slot)) · \(KazakhstanTime.text($0.signedAt))</li>" }
        // awaiting its code with none on the page (reloaded, expired): signing again sends a new code to a signer
        let canSign = ["draft", "awaiting_signatures", "awaiting_confirmation"].contains(order.status)
        let signLabel = web.t(order.status == "awaiting_confirmation" ? "payments.newCode" : "payments.sign")
        // §2.2.4: with the fraud_location consent the page adds the device's location to a signature or confirmation
        var locate = false
        if canSign || challenge != nil { locate = (try? await web.client().hasConsent(.fraudLocation)) ?? false }
        let located: Markup = locate ? " data-fraud-location" : ""
        let locationFields: Markup = locate ? "<input type=\"hidden\" name=\"lat\"><input type=\"hidden\" name=\"lon\">" : ""
        let confirmForm: Markup =
            challenge.map { challenge in
                """
                <form method="post" action="/payments/\(id.uuidString)/confirm" class="card" data-webotp\(located)>
                  \(Layout.csrfField(web))\(locationFields)
                  <p>\(web.t("code.sentTo")) \(challenge.phoneMasked)</p>
                  <input type="hidden" name="challengeId" value="\(challenge.challengeId.uuidString)">
                  <label class="field"><span>\(web.t("field.code"))</span>
                    <input name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus></label>
                  <button>\(web.t("payments.confirm"))</button>
                </form>
                """
            } ?? ""
        return web.page(
            "\(web.t("order.title")) № \(order.number)",
            """
            \(Layout.alert(error))
            \(Markup.when(notice != nil, "<p class=\"notice\" role=\"status\">\(notice ?? "")</p>"))
            <dl class="order">
              <dt>\(web.t("order.status"))</dt><dd data-testid="status">\(status(web, order.status))</dd>
              <dt>\(web.t("order.amount"))</dt><dd><strong>\(AccountPages.money(order.amount))</strong></dd>
              <dt>\(web.t("order.beneficiaryName"))</dt><dd>\(order.beneficiaryName)</dd>
              <dt>\(web.t("order.beneficiaryTaxID"))</dt><dd>\(order.beneficiaryTaxId)</dd>
              <dt>\(web.t("order.beneficiaryAccount"))</dt><dd>\(order.beneficiaryAccount)</dd>
              <dt>\(web.t("order.purpose"))</dt><dd>\(order.purpose)</dd>
              <dt>\(web.t("order.valueDate"))</dt><dd>\(order.valueDate)</dd>
            </dl>
            \(Markup.when(!signatures.isEmpty, "<h2>\(web.t("order.signatures"))</h2><ul>\(signatures)</ul>"))
            \(confirmForm)
            \(Markup.when(canSign && challenge == nil, """
            <form method="post" action="/payments/\(id.uuidString)/sign"\(located)>\(Layout.csrfField(web))\(locationFields)<button>\(signLabel)</button></form>
            """))
            <p><a href="/payments">\(web.t("payments.back"))</a></p>
            """
        )
    }

    static func sign(_ web: Web) async throws -> Response {
        guard let id = web.request.parameters.get("paymentId").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        do {
            let outcome = try await web.client().send(Endpoints.Payments.signPayment, id, body: SignPaymentRequest(location: location(web)))
            return try await show(web, notice: outcome.confirmation == nil ? web.t("payments.signed") : nil, challenge: outcome.confirmation)
        } catch let error where Layout.errors(of: error) != nil {
            return try await show(web, error: Layout.errors(of: error)?.title)
        }
    }

    static func confirm(_ web: Web) async throws -> Response {
        guard let id = web.request.parameters.get("paymentId").flatMap(UUID.init(uuidString:)),
            let challengeID = UUID(uuidString: web.form("challengeId"))
        else { throw Abort(.badRequest) }
        do {
            _ = try await web.client().send(
                Endpoints.Payments.confirmPayment,
                id,
                body: OtpAnswer(challengeId: challengeID, code: web.form("code"), location: location(web))
            )
            return try await show(web, notice: web.t("payments.confirmed"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await show(web, error: Layout.errors(of: error)?.title)
        }
    }

    /// §2.2.4: the precise point app.js put in the form (only rendered with the consent; the API checks it again).
    /// No country: a browser has no geocoder, so only the impossible-travel rule applies to it.
    static func location(_ web: Web) -> DeviceLocation? {
        guard let latitude = Double(web.form("lat")), let longitude = Double(web.form("lon")) else { return nil }
        return DeviceLocation(latitude: latitude, longitude: longitude, countryCode: nil)
    }
}
