import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.3.4 paying for services: a mobile top-up by phone number (the Contact Picker fills it, only with the `contacts`
/// consent, and only the one chosen number leaves the phone) or a utility bill by provider and account number. Each
/// becomes a draft order, signed and confirmed on its page like any other.
enum ServicePaymentPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("payments", "services") { req in try await page(Web(req)) }
        routes.post("payments", "services") { req in try await create(Web(req)) }
    }

    static let fields = ["kind", "payerAccount", "phone", "providerId", "accountNumber", "amount"]

    static func page(
        _ web: Web,
        values: [String: String] = [:],
        error: String? = nil,
        errors: [String: String] = [:]
    ) async throws
        -> Response
    {
        let (_, company) = try await ServiceKit.company(web)
        guard let company else { return web.redirect("/accounts") }
        let client = web.client()
        let accounts = try await client.send(Endpoints.Accounts.listAccounts, company.id).items.filter { $0.currency == "KZT" }
        let providers = try await client.send(Endpoints.Payments.listServiceProviders).items
        let mayPick = (try? await client.hasConsent(.contacts)) ?? false
        let kind = values["kind"] ?? "mobile"
        func field(_ name: String, _ label: String, _ extra: String = "") -> Markup {
            Layout.field(web, name, label: web.t(label), value: values[name] ?? "", errors: errors, extra: extra)
        }
        func form(_ formKind: String, _ body: Markup) -> Markup {
            // each form shows its own errors; the other keeps its fields clean
            """
            <form method="post" action="/payments/services" class="card" novalidate>
              \(Layout.csrfField(web))
              <input type="hidden" name="companyId" value="\(company.id.uuidString)">
              <input type="hidden" name="kind" value="\(formKind)">
              <h2>\(web.t("services." + formKind))</h2>
              \(payer(web, accounts, selected: values["payerAccount"] ?? ""))
              \(body)
              <button>\(web.t("payments.create"))</button>
            </form>
            """
        }
        let picker: Markup =
            mayPick
            ? "<button type=\"button\" class=\"secondary\" data-contact-pick=\"phone\" hidden>\(web.t("services.pickContact"))</button>"
            : "<p class=\"hint\">\(web.t("services.contactsConsent")) <a href=\"/privacy\">\(web.t("branches.grant"))</a></p>"
        let utilities = providers.filter { $0.kind == "utility" }.map { (value: $0.id, label: $0.name) }
        let operators = providers.filter { $0.kind == "mobile" }.map(\.name).joined(separator: ", ")
        let mobileErrors = kind == "mobile" ? errors : [:]
        let utilityErrors = kind == "utility" ? errors : [:]
        return web.page(
            web.t("services.title"),
            """
            \(Layout.alert(error))
            \(form("mobile", """
            \(Layout.field(web, "phone", label: web.t("services.phone"), value: kind == "mobile" ? values["phone"] ?? "" : "", type: "tel", errors: mobileErrors, extra: "autocomplete=\"off\" required"))
            \(picker)
            <p class="hint">\(web.t("services.operators")) \(operators)</p>
            \(Layout.field(web, "amount", label: web.t("order.amount"), value: kind == "mobile" ? values["amount"] ?? "" : "", errors: mobileErrors, extra: "inputmode=\"decimal\" required"))
            """))
            \(form("utility", """
            <label class="field\(Markup(raw: utilityErrors["providerId"] == nil ? "" : " invalid"))"><span>\(web.t("services.provider"))</span>
              <select name="providerId">\(ServiceKit.options(utilities, selected: values["providerId"] ?? ""))</select></label>
            \(Layout.field(web, "accountNumber", label: web.t("services.accountNumber"), value: kind == "utility" ? values["accountNumber"] ?? "" : "", errors: utilityErrors, extra: "required"))
            \(Layout.field(web, "amount", label: web.t("order.amount"), value: kind == "utility" ? values["amount"] ?? "" : "", errors: utilityErrors, extra: "inputmode=\"decimal\" required"))
            """))
            <p><a href="/payments">\(web.t("payments.back"))</a></p>
            """
        )
    }

    static func payer(_ web: Web, _ accounts: [AccountView], selected: String) -> Markup {
        let options: [Markup] = accounts.map { account in
            "<option value=\"\(account.iban)\"\(Markup(raw: selected == account.iban ? " selected" : ""))>\(account.name) · \(account.ibanFormatted) · \(AccountPages.money(account.available))</option>"
        }
        return "<label class=\"field\"><span>\(web.t("order.payerAccount"))</span><select name=\"payerAccount\">\(options)</select></label>"
    }

    static func create(_ web: Web) async throws -> Response {
        guard let companyID = UUID(uuidString: web.form("companyId")) else { throw Abort(.badRequest) }
        var values: [String: String] = [:]
        for name in fields { values[name] = web.form(name) }
        let amount = web.form("amount").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: ".")
        let request =
            values["kind"] == "utility"
            ? ServicePaymentRequest(
                payerAccount: web.form("payerAccount"),
                providerId: web.form("providerId"),
                accountNumber: web.form("accountNumber"),
                amount: amount
            )
            : ServicePaymentRequest(
                payerAccount: web.form("payerAccount"),
                phone: web.form("phone").replacingOccurrences(of: " ", with: ""),
                amount: amount
            )
        do {
            let order = try await web.client().send(Endpoints.Payments.createServicePayment, companyID, body: request)
            return web.redirect("/payments/\(order.id.uuidString)")
        } catch {
            guard let (title, errors) = Layout.errors(of: error) else { throw error }
            return try await page(web, values: values, error: title, errors: errors)
        }
    }
}
