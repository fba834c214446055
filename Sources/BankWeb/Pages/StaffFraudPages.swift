import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// §2.2.4 payments held for review (the fraud team): each order as it was signed, released (executed) or rejected.
enum StaffFraudPages {
    static func register(_ routes: any RoutesBuilder) {
        StaffPages.get(routes, "fraud") { web in try await list(web) }
        StaffPages.post(routes, "fraud", ":paymentId", "release") { web in try await decide(web, release: true) }
        StaffPages.post(routes, "fraud", ":paymentId", "reject") { web in try await decide(web, release: false) }
    }

    static func list(_ web: Web, error: String? = nil) async throws -> Response {
        let holds = try await web.staffClient().send(Endpoints.Staff.listFraudHolds)
        let rows: [Markup] = holds.map { order in
            let id = order.id.uuidString
            return """
                <li class="card" data-testid="hold-\(id)">
                  <p><strong>№ \(order.number)</strong> · \(order.date) ·
                    <span class="amount">\(MoneyFormat.text(minorUnits: order.amount.minorUnits, currency: order.amount.currency.code))</span></p>
                  <dl class="order">
                    <dt>\(web.t("staff.fraud.beneficiary"))</dt><dd>\(order.beneficiaryName) · \(order.beneficiaryTaxId)</dd>
                    <dt>\(web.t("staff.fraud.account"))</dt><dd><span class="iban">\(order.beneficiaryAccount)</span> · \(order.beneficiaryBic)</dd>
                    <dt>\(web.t("staff.fraud.purpose"))</dt><dd>\(order.purpose) · \(web.t("staff.fraud.knp")) \(order.knp)</dd>
                    <dt>\(web.t("staff.fraud.valueDate"))</dt><dd>\(order.valueDate) · \(order.urgency)</dd>
                    <dt>\(web.t("staff.fraud.signatures"))</dt><dd>\(order.signatures.count)</dd>
                  </dl>
                  <p class="hint"><code>\(id)</code></p>
                  \(StaffPages.button(web, action: "/staff/fraud/\(id)/release", text: web.t("staff.fraud.release"), testID: "release-\(id)"))
                  \(StaffPages.button(web, action: "/staff/fraud/\(id)/reject", text: web.t("staff.fraud.reject"), style: "danger", testID: "reject-\(id)"))
                </li>
                """
        }
        return StaffPages.page(
            web,
            web.t("staff.fraud.title"),
            """
            \(Markup.when(rows.isEmpty, "<p>\(web.t("staff.fraud.empty"))</p>"))
            <ul class="orders">\(rows)</ul>
            """,
            error: error
        )
    }

    static func decide(_ web: Web, release: Bool) async throws -> Response {
        let id = try StaffPages.id(web, "paymentId")
        do {
            let endpoint = release ? Endpoints.Staff.releaseFraudHold : Endpoints.Staff.rejectFraudHold
            _ = try await web.staffClient().send(endpoint, id)
            return web.redirect("/staff/fraud?done=\(release ? "released" : "rejected")")
        } catch {
            let (title, _) = try StaffPages.refusal(error)
            return try await list(web, error: title)
        }
    }
}
