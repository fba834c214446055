import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// The director's step-up changes: the first POST calls the operation and, when the API answers with a code sent,
/// shows the code form carrying the same fields; the second POST (with `challengeId` and `code`) repeats it confirmed.
enum EmployeeActions {
    static func invite(_ web: Web) async throws -> Response {
        let values = ["fullName", "iin", "phone", "email", "role"].map { ($0, web.form($0)) }
        let form = Dictionary(values, uniquingKeysWith: { first, _ in first })
        let body = EmployeeInvitationRequest(
            fullName: form["fullName"] ?? "",
            iin: form["iin"] ?? "",
            phone: form["phone"] ?? "",
            email: form["email"] ?? "",
            role: form["role"] ?? ""
        )
        return try await stepUp(
            web,
            Endpoints.Employees.inviteEmployee,
            body: body,
            action: "/employees/invite",
            fields: values,
            done: "employees.invited"
        )
    }

    static func revoke(_ web: Web) async throws -> Response {
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let invitation = try ServiceKit.id(web, "invitationId")
        do {
            _ = try await web.client().send(Endpoints.Employees.revokeInvitation, IDPair(company.id, invitation))
            return try await EmployeePages.page(web, notice: web.t("employees.revoked"))
        } catch let error where Layout.errors(of: error) != nil {
            return try await EmployeePages.page(web, error: error)
        }
    }

    static func signingRule(_ web: Web) async throws -> Response {
        let text = web.form("dualSignatureAbove")
        let alone = web.form("authorMaySignAlone") == "true" ? "true" : "false"
        let values = [("dualSignatureAbove", text), ("authorMaySignAlone", alone)]
        let threshold = ServiceKit.minorUnits(text)
        if !text.isEmpty, threshold == nil { return try await badAmount(web, values) }
        let body = SigningRuleView(dualSignatureAbove: threshold, authorMaySignAlone: alone == "true")
        return try await stepUp(
            web,
            Endpoints.Payments.setSigningRule,
            body: body,
            action: "/employees/signing-rule",
            fields: values,
            done: "employees.ruleSaved"
        )
    }

    static func limit(_ web: Web) async throws -> Response {
        let values = ["userId", "currency", "perPayment", "daily"].map { ($0, web.form($0)) }
        let form = Dictionary(values, uniquingKeysWith: { first, _ in first })
        let currency = form["currency"] ?? "KZT"
        let perPayment = ServiceKit.minorUnits(form["perPayment"] ?? "", currency: currency)
        let daily = ServiceKit.minorUnits(form["daily"] ?? "", currency: currency)
        if (perPayment == nil && form["perPayment"]?.isEmpty == false) || (daily == nil && form["daily"]?.isEmpty == false) {
            return try await badAmount(web, values)
        }
        let body = PaymentLimitView(
            userId: (form["userId"]).flatMap(UUID.init(uuidString:)),
            currency: currency,
            perPayment: perPayment,
            daily: daily
        )
        return try await stepUp(
            web,
            Endpoints.Payments.setLimit,
            body: body,
            action: "/employees/limits",
            fields: values,
            done: "employees.limitSaved"
        )
    }

    static func badAmount(_ web: Web, _ values: [(String, String)]) async throws -> Response {
        let form = Dictionary(values, uniquingKeysWith: { first, _ in first })
        return try await EmployeePages.page(web, alert: web.t("employees.badAmount"), values: form)
    }

    /// Calls a step-up operation of the current company, or confirms it with the code the form carries.
    static func stepUp<Body, Output>(
        _ web: Web,
        _ endpoint: Endpoint<UUID, Body, Output>,
        body: Body,
        action: String,
        fields: [(String, String)],
        done: String
    ) async throws -> Response {
        let (_, chosen) = try await ServiceKit.company(web)
        guard let company = chosen else { return web.redirect("/accounts") }
        let client = web.client()
        let target = "\(action)?company=\(company.id.uuidString)"
        let confirming = !web.form("challengeId").isEmpty
        do {
            if confirming {
                _ = try await client.confirm(endpoint, company.id, body: body, challenge: try ServiceKit.challenge(web), code: web.form("code"))
            } else if case .codeSent(let challenge) = try await client.call(endpoint, company.id, body: body) {
                return codePage(web, action: target, challenge: challenge, fields: fields, error: nil)
            }
            return try await EmployeePages.page(web, notice: web.t(done))
        } catch let error where Layout.errors(of: error) != nil {
            if confirming, ServiceKit.wrongCode(error, orMalformed: false) {
                return codePage(web, action: target, challenge: try ServiceKit.challenge(web), fields: fields, error: error)
            }
            let form = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            return try await EmployeePages.page(web, error: error, values: form)
        }
    }

    static func codePage(_ web: Web, action: String, challenge: OtpChallengeResponse, fields: [(String, String)], error: (any Error)?) -> Response {
        web.page(
            web.t("code.title"),
            """
            \(error.map { ServiceKit.problem($0) } ?? "")
            <p>\(web.t("employees.stepUp"))</p>
            \(ServiceKit.codeForm(web, action: action, challenge: challenge, fields: fields, button: web.t("code.submit")))
            <p><a href="/employees">\(web.t("employees.back"))</a></p>
            """
        )
    }
}
