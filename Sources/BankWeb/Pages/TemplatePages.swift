import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.3.2 saved payees and payment templates of the current company: the lists, a new beneficiary, a template saved
/// from an order, deleting either, and "pay from template", which makes the draft and opens it for signing.
enum TemplatePages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("templates") { req in try await list(Web(req)) }
        routes.post("templates", "beneficiaries") { req in try await createBeneficiary(Web(req)) }
        routes.post("templates", "beneficiaries", ":itemId", "delete") { req in try await deleteBeneficiary(Web(req)) }
        routes.post("templates", "from-payment") { req in try await fromPayment(Web(req)) }
        routes.post("templates", ":itemId", "delete") { req in try await deleteTemplate(Web(req)) }
        routes.post("templates", ":itemId", "pay") { req in try await pay(Web(req)) }
    }

    static let beneficiaryFields = ["name", "taxId", "iban", "bic", "kbe"]

    static func list(
        _ web: Web,
        notice: String? = nil,
        error: (any Error)? = nil,
        values: [String: String] = [:],
        errors: [String: String] = [:]
    ) async throws -> Response {
        let client = web.client()
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let templates = try await client.send(Endpoints.Templates.listTemplates, company.id).items
        let beneficiaries = try await client.send(Endpoints.Beneficiaries.listBeneficiaries, company.id).items
        let payments = try await client.send(Endpoints.Payments.listPayments, company.id).items
        let query = "?company=\(company.id.uuidString)"
        let templateRows: [Markup] = templates.compactMap { template in
            guard let id = template.id?.uuidString else { return nil }
            return """
                <li class="card">
                  <strong>\(template.name)</strong>
                  <p>\(template.order.beneficiaryName) · \(template.order.beneficiaryAccount) · \(amount(template.order))</p>
                  <p class="hint">\(template.order.purpose)</p>
                  <form method="post" action="/templates/\(id)/pay\(query)" class="inline">\(Layout.csrfField(web))
                    <button data-testid="pay-template">\(web.t("templates.pay"))</button></form>
                  <form method="post" action="/templates/\(id)/delete\(query)" class="inline">\(Layout.csrfField(web))
                    <button class="secondary">\(web.t("common.delete"))</button></form>
                </li>
                """
        }
        let beneficiaryRows: [Markup] = beneficiaries.compactMap { item in
            guard let id = item.id?.uuidString else { return nil }
            return """
                <li class="card">
                  <strong>\(item.name)</strong>
                  <p>\(web.t("templates.taxId")) \(item.taxId) · <span class="iban">\(item.iban)</span> · \(item.bic) · \(web.t("order.kbe")) \(item.kbe)</p>
                  <form method="post" action="/templates/beneficiaries/\(id)/delete\(query)" class="inline">\(Layout.csrfField(web))
                    <button class="secondary">\(web.t("common.delete"))</button></form>
                </li>
                """
        }
        func field(_ name: String, _ label: String, _ extra: String) -> Markup {
            Layout.field(web, name, label: web.t(label), value: values[name] ?? (name == "kbe" ? "17" : ""), errors: errors, extra: extra)
        }
        let paymentOptions = ServiceKit.options(
            payments.map { ($0.id.uuidString, "№ \($0.number) · \($0.beneficiaryName) · \(AccountPages.money($0.amount))") },
            selected: ""
        )
        return web.page(
            web.t("templates.title"),
            """
            \(error.map { ServiceKit.problem($0, shown: beneficiaryFields) } ?? "")
            \(ServiceKit.notice(notice))
            <p class="company">\(company.name) · \(company.bin)</p>
            <section><h2>\(web.t("templates.templates"))</h2>
              \(Markup.when(templates.isEmpty, "<p>\(web.t("templates.noTemplates"))</p>"))
              <ul class="orders">\(templateRows)</ul>
              \(Markup.when(!payments.isEmpty, """
              <form method="post" action="/templates/from-payment\(query)" class="card inline-form">\(Layout.csrfField(web))
                <label class="field"><span>\(web.t("templates.fromPayment"))</span><select name="paymentId">\(paymentOptions)</select></label>
                \(Layout.field(web, "templateName", label: web.t("templates.name"), extra: "required maxlength=\"100\""))
                <button>\(web.t("templates.save"))</button>
              </form>
              """))
            </section>
            <section><h2>\(web.t("templates.beneficiaries"))</h2>
              \(Markup.when(beneficiaries.isEmpty, "<p>\(web.t("templates.noBeneficiaries"))</p>"))
              <ul class="orders">\(beneficiaryRows)</ul>
              <form method="post" action="/templates/beneficiaries\(query)" class="card" novalidate>\(Layout.csrfField(web))
                <h3>\(web.t("templates.newBeneficiary"))</h3>
                \(field("name", "order.beneficiaryName", "required maxlength=\"140\""))
                \(field("taxId", "order.beneficiaryTaxID", "inputmode=\"numeric\" maxlength=\"12\" required"))
                \(field("iban", "order.beneficiaryAccount", "maxlength=\"34\" required"))
                \(field("bic", "order.beneficiaryBIC", "maxlength=\"11\" required"))
                \(field("kbe", "order.kbe", "inputmode=\"numeric\" maxlength=\"2\" required"))
                <button>\(web.t("templates.addBeneficiary"))</button>
              </form>
            </section>
            """
        )
    }

    static func createBeneficiary(_ web: Web) async throws -> Response {
        var values: [String: String] = [:]
        for name in beneficiaryFields { values[name] = web.form(name) }
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let body = BeneficiaryView(
            name: values["name"] ?? "",
            taxId: values["taxId"] ?? "",
            iban: (values["iban"] ?? "").replacingOccurrences(of: " ", with: "").uppercased(),
            bic: (values["bic"] ?? "").uppercased(),
            kbe: values["kbe"] ?? ""
        )
        do {
            _ = try await web.client().send(Endpoints.Beneficiaries.createBeneficiary, company.id, body: body)
            return try await list(web, notice: web.t("templates.beneficiaryAdded"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await list(web, error: error, values: values, errors: Layout.errors(of: error)?.fields ?? [:])
        }
    }

    static func deleteBeneficiary(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Beneficiaries.deleteBeneficiary, try ServiceKit.id(web, "itemId"))
        return web.redirect(back(web))
    }

    static func deleteTemplate(_ web: Web) async throws -> Response {
        _ = try await web.client().send(Endpoints.Templates.deleteTemplate, try ServiceKit.id(web, "itemId"))
        return web.redirect(back(web))
    }

    static func fromPayment(_ web: Web) async throws -> Response {
        guard let payment = UUID(uuidString: web.form("paymentId")) else { throw Abort(.badRequest) }
        do {
            _ = try await web.client().send(
                Endpoints.Templates.templateFromPayment,
                payment,
                body: SaveFromPaymentRequest(name: web.form("templateName"))
            )
            return try await list(web, notice: web.t("templates.saved"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await list(web, error: error)
        }
    }

    /// The template's order, dated today with a new number, becomes a draft; the order page signs it.
    static func pay(_ web: Web) async throws -> Response {
        let id = try ServiceKit.id(web, "itemId")
        let client = web.client()
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        guard let template = try await client.send(Endpoints.Templates.listTemplates, company.id).items.first(where: { $0.id == id }) else {
            throw Abort(.notFound)
        }
        var order = template.order
        order.number = String(Int.random(in: 1...99999))
        order.date = KazakhstanTime.today()
        order.valueDate = KazakhstanTime.today()
        do {
            let draft = try await client.send(Endpoints.Payments.createPayment, company.id, body: order)
            return web.redirect("/payments/\(draft.id.uuidString)")
        } catch let error where Layout.errors(of: error) != nil {
            return try await list(web, error: error)
        }
    }

    static func amount(_ order: PaymentOrderInput) -> String {
        guard let minor = ServiceKit.minorUnits(order.amount, currency: order.currency) else { return order.amount + " " + order.currency }
        return MoneyFormat.text(minorUnits: minor, currency: order.currency)
    }

    static func back(_ web: Web) -> String {
        let company = web.request.query[String.self, at: "company"].flatMap(UUID.init(uuidString:))
        return "/templates" + (company.map { "?company=\($0.uuidString)" } ?? "")
    }
}
