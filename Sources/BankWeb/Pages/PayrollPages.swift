import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// Payrolls: the CSV (pasted or a file), each line's status, signing and the SMS confirmation.
enum PayrollPages {
    static func register(_ routes: any RoutesBuilder) {
        routes.get("payroll") { req in try await form(Web(req)) }
        routes.on(.POST, "payroll", body: .collect(maxSize: "2mb")) { req in try await upload(Web(req)) }
        routes.get("payroll", ":payrollId") { req in try await show(Web(req)) }
        routes.post("payroll", ":payrollId", "sign") { req in try await sign(Web(req)) }
        routes.post("payroll", ":payrollId", "confirm") { req in try await confirm(Web(req)) }
    }

    /// The multipart form: the file part is optional (the textarea may carry the CSV instead).
    struct UploadForm: Content {
        var file: File?
    }

    static func form(_ web: Web, values: [String: String] = [:], error: (any Error)? = nil) async throws -> Response {
        let client = web.client()
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let accounts = try await client.send(Endpoints.Accounts.listAccounts, company.id).items
        let options = ServiceKit.options(
            accounts.map { ($0.iban, "\($0.name) · \($0.ibanFormatted) · \(AccountPages.money($0.available))") },
            selected: values["payerAccount"] ?? ""
        )
        let fields = error.flatMap { Layout.errors(of: $0)?.fields } ?? [:]
        return web.page(
            web.t("payroll.title"),
            """
            \(error.map { ServiceKit.problem($0, shown: ["number", "knp"]) } ?? "")
            <p class="company">\(company.name) · \(company.bin)</p>
            <form method="post" action="/payroll?company=\(company.id.uuidString)" enctype="multipart/form-data" class="card" novalidate>
              \(Layout.csrfField(web))
              <label class="field"><span>\(web.t("order.payerAccount"))</span><select name="payerAccount">\(options)</select></label>
              \(Layout.field(web, "number", label: web.t("order.number"), value: values["number"] ?? String(Int.random(in: 1...9999)), errors: fields, extra: "required maxlength=\"20\""))
              \(Layout.field(web, "knp", label: web.t("order.knp"), value: values["knp"] ?? "332", errors: fields, extra: "inputmode=\"numeric\" maxlength=\"3\" required"))
              <label class="field\(Markup(raw: fields["csv"] == nil ? "" : " invalid"))"><span>\(web.t("payroll.csv"))</span>
                <textarea name="csv" rows="8" cols="30" placeholder="\(web.t("payroll.csvExample"))">\(values["csv"] ?? "")</textarea></label>
              <p class="hint">\(web.t("payroll.csvHint"))</p>
              <label class="field"><span>\(web.t("payroll.file"))</span><input type="file" name="file" accept=".csv,text/csv"></label>
              <button>\(web.t("payroll.upload"))</button>
            </form>
            """
        )
    }

    static func upload(_ web: Web) async throws -> Response {
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        var values = ["payerAccount": web.form("payerAccount"), "number": web.form("number"), "knp": web.form("knp"), "csv": web.form("csv")]
        if let file = (try? web.request.content.decode(UploadForm.self))?.file, file.data.readableBytes > 0 {
            var buffer = file.data
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            values["csv"] = CSVText.decode(bytes)
        }
        let body = PayrollUpload(
            payerAccount: values["payerAccount"] ?? "",
            number: values["number"] ?? "",
            knp: values["knp"] ?? "",
            csv: values["csv"] ?? ""
        )
        do {
            let payroll = try await web.client().send(Endpoints.Payroll.uploadPayroll, company.id, body: body)
            return web.redirect("/payroll/\(payroll.id.uuidString)")
        } catch let error where Layout.errors(of: error) != nil {
            return try await form(web, values: values, error: error)
        }
    }

    static func show(
        _ web: Web,
        payroll given: PayrollView? = nil,
        notice: String? = nil,
        error: (any Error)? = nil,
        challenge: OtpChallengeResponse? = nil
    ) async throws -> Response {
        let id = try ServiceKit.id(web, "payrollId")
        let payroll: PayrollView
        if let given { payroll = given } else { payroll = try await web.client().send(Endpoints.Payroll.getPayroll, id) }
        let rows: [Markup] = payroll.lines.map { line in
            """
            <tr><td>\(line.line)</td><td>\(line.fullName)<br><small class="iban">\(line.iinMasked) · \(line.iban)</small></td>
              <td class="num">\(AccountPages.money(line.amount))</td>
              <td><span class="status s-\(line.status)">\(web.t("payrollLine." + line.status))</span>\(Markup.when(line.failureCode != nil, " <small class=\"error\">\(line.failureCode ?? "")</small>"))</td></tr>
            """
        }
        // awaiting its code with none on the page (reloaded, expired): signing again sends a new code to a signer
        let canSign = ["draft", "awaiting_signatures", "awaiting_confirmation"].contains(payroll.status)
        let signLabel = web.t(payroll.status == "awaiting_confirmation" ? "payments.newCode" : "payments.sign")
        return web.page(
            "\(web.t("payroll.one")) № \(payroll.number)",
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            \(ServiceKit.notice(notice))
            <dl class="order">
              <dt>\(web.t("order.status"))</dt><dd data-testid="status">\(PaymentPages.status(web, payroll.status))</dd>
              <dt>\(web.t("payroll.total"))</dt><dd><strong>\(AccountPages.money(payroll.total))</strong></dd>
              <dt>\(web.t("payroll.lines"))</dt><dd>\(payroll.lines.count)</dd>
            </dl>
            <div class="table-wrap"><table>
              <thead><tr><th>№</th><th>\(web.t("payroll.employee"))</th><th class="num">\(web.t("order.amount"))</th><th>\(web.t("order.status"))</th></tr></thead>
              <tbody>\(rows)</tbody>
            </table></div>
            \(challenge.map { ServiceKit.codeForm(web, action: "/payroll/\(id.uuidString)/confirm", challenge: $0, fields: [], button: web.t("payments.confirm")) } ?? "")
            \(Markup.when(canSign && challenge == nil, """
            <form method="post" action="/payroll/\(id.uuidString)/sign" class="card">\(Layout.csrfField(web))<button>\(signLabel)</button></form>
            """))
            <p><a href="/payroll">\(web.t("payroll.another"))</a></p>
            """
        )
    }

    static func sign(_ web: Web) async throws -> Response {
        let id = try ServiceKit.id(web, "payrollId")
        do {
            let payroll = try await web.client().send(Endpoints.Payroll.signPayroll, id, body: SignPaymentRequest())
            let notice = payroll.confirmation == nil ? web.t("payments.signed") : nil
            return try await show(web, payroll: payroll, notice: notice, challenge: payroll.confirmation)
        } catch let error where Layout.errors(of: error) != nil {
            return try await show(web, error: error)
        }
    }

    static func confirm(_ web: Web) async throws -> Response {
        let id = try ServiceKit.id(web, "payrollId")
        let challenge = try ServiceKit.challenge(web)
        do {
            let answer = OtpAnswer(challengeId: challenge.challengeId, code: web.form("code"))
            let payroll = try await web.client().send(Endpoints.Payroll.confirmPayroll, id, body: answer)
            return try await show(web, payroll: payroll, notice: web.t("payments.confirmed"))
        } catch let error where Layout.errors(of: error) != nil {
            // a wrong code leaves the payroll awaiting its code: the same challenge may be answered again
            return try await show(web, error: error, challenge: challenge)
        }
    }
}
