import BankAPI
import BankClient
import BankCore
import Foundation
import Vapor

/// Small pieces the service pages (templates, payroll, employees, inbox, support, branches, documents) share.
enum ServiceKit {
    /// A green status line, or nothing.
    static func notice(_ text: String?) -> Markup { Markup.when(text != nil, "<p class=\"notice\" role=\"status\">\(text ?? "")</p>") }

    /// The problem's title and, under it, the messages of fields the form does not show next to an input (CSV lines).
    static func problem(_ error: any Error, shown: [String] = []) -> Markup {
        guard case .problem(let problem) = error as? BankClientError else { return "" }
        let items: [Markup] = (problem.errors ?? []).filter { !shown.contains($0.field) }.map { "<li>\($0.field): \($0.message)</li>" }
        return "<div class=\"alert\" role=\"alert\"><p>\(problem.title)</p>\(Markup.when(!items.isEmpty, "<ul>\(items)</ul>"))</div>"
    }

    /// A code answer the person may try again on the same form, which keeps the challenge: a wrong code
    /// (`otp_invalid`) and, unless `orMalformed` is false, a code the API refused as malformed (a field error on
    /// `code…`).
    static func wrongCode(_ error: any Error, orMalformed: Bool = true) -> Bool {
        guard case .problem(let problem) = error as? BankClientError else { return false }
        return problem.code == "otp_invalid" || (orMalformed && (problem.errors ?? []).contains { $0.field.lowercased().hasPrefix("code") })
    }

    /// A UUID from the path, or 404.
    static func id(_ web: Web, _ name: String) throws -> UUID {
        guard let id = web.request.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        return id
    }

    /// The signed-in person and the company they work in now (`?company=` or the first).
    static func company(_ web: Web) async throws -> (me: UserProfile, company: CompanyMembershipView?) {
        let me = try await web.client().send(Endpoints.Sessions.getMe)
        return (me, AccountPages.company(web, me))
    }

    /// A decimal amount typed by a person ("150 000,50") in minor units; nil when empty or not an amount.
    static func minorUnits(_ text: String, currency: String = "KZT") -> Int64? {
        let cleaned = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let currency = try? Currency(code: currency) else { return nil }
        return (try? Money(parsing: cleaned, currency: currency))?.minorUnits
    }

    /// Minor units as the form shows them again ("150000.50"), empty for none.
    static func decimal(_ minorUnits: Int64?) -> String {
        guard let minorUnits else { return "" }
        return String(minorUnits / 100) + "." + String(format: "%02d", Int((minorUnits % 100).magnitude))
    }

    /// The step-up code form: the operation's fields travel again in hidden inputs.
    static func codeForm(_ web: Web, action: String, challenge: OtpChallengeResponse, fields: [(String, String)], button: String) -> Markup {
        let hidden: [Markup] = fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" }
        return """
            <form method="post" action="\(action)" class="card" data-webotp>
              \(Layout.csrfField(web))
              <p>\(web.t("code.sentTo")) \(challenge.phoneMasked)</p>
              <input type="hidden" name="challengeId" value="\(challenge.challengeId.uuidString)">
              <input type="hidden" name="phoneMasked" value="\(challenge.phoneMasked)">
              \(hidden)
              <label class="field"><span>\(web.t("field.code"))</span>
                <input name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus></label>
              <button>\(button)</button>
            </form>
            """
    }

    /// The challenge a code form sent back (only its id matters to the API).
    static func challenge(_ web: Web) throws -> OtpChallengeResponse {
        guard let id = UUID(uuidString: web.form("challengeId")) else { throw Abort(.badRequest) }
        return OtpChallengeResponse(challengeId: id, expiresAt: Date(), phoneMasked: web.form("phoneMasked"), resendAvailableAt: Date())
    }

    /// A select's options, with the current value selected.
    static func options(_ values: [(value: String, label: String)], selected: String) -> [Markup] {
        values.map { "<option value=\"\($0.value)\"\(Markup(raw: $0.value == selected ? " selected" : ""))>\($0.label)</option>" }
    }

    /// A file answer (download), never cached, never sniffed.
    static func file(_ data: Data, type: String, name: String, inline: Bool = false) -> Response {
        Response(
            status: .ok,
            headers: ["Content-Type": type, "Content-Disposition": "\(inline ? "inline" : "attachment"); filename=\"\(name)\""],
            body: .init(data: data)
        )
    }
}
