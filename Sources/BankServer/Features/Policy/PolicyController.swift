import BankAPI
import Fluent
import Vapor

/// §6.1, §6.2: the edition in force is public (JSON and an HTML page) in the reader's language; a signed-in
/// user accepts it; the responsible person publishes new ones.
enum PolicyController {
    static func current(req: Request) async throws -> PolicyEditionView {
        try view(of: try await currentEdition(req), language: req.language)
    }

    /// `GET /policy[?lang=ru]`: the readable page, linked from the app stores and the bank's site (§6.1).
    static func page(req: Request) async throws -> Response {
        let language = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:)) ?? req.language
        let edition = try view(of: try await currentEdition(req), language: language)
        let html = Self.html(edition, language: language, localizer: req.bank.localizer)
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .contentLanguage, value: edition.language)
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    /// The page of an edition: its text in `edition.language`, the dates labelled in the requested `language`.
    static func html(_ edition: PolicyEditionView, language: Language, localizer: Localizer) -> String {
        let updated = HTMLText.escape(localizer.text("page.policy.last_updated", language))
        let effective = HTMLText.escape(localizer.text("page.policy.in_force_since", language))
        let paragraphs = edition.text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { "<p>\(HTMLText.escape(String($0)))</p>" }.joined(separator: "\n")
        let body = """
            <p><small>\(updated): \(HTMLText.escape(edition.lastUpdated)) · \(effective): \(HTMLText.isoDay(edition.effectiveAt)) · v\(edition.version)</small></p>
            \(paragraphs)
            """
        return HTMLPage(title: edition.title, language: Language(rawValue: edition.language) ?? language, body: body).html
    }

    /// `POST /me/policy-acceptance`: accepts the edition in force (only that one: an old version is `policy_edition_outdated`).
    static func accept(req: Request) async throws -> PolicyAcceptanceView {
        let caller = try req.caller
        let body = try req.content.decode(AcceptPolicyRequest.self)
        let edition = try await currentEdition(req)
        guard body.version == edition.version else { throw BankError.policyEditionOutdated }
        let device = try await caller.session.$device.get(on: req.db)
        let origin = PolicyAcceptanceRecorder.Origin(ip: req.clientIP, userAgent: req.userAgent, deviceInstallationID: device.installationID)
        if caller.user.acceptedPolicyVersion < edition.version {
            try await req.db.transaction { tx in
                try await PolicyAcceptanceRecorder(services: req.bank).record(edition, userID: caller.userID, origin: origin, on: tx)
            }
        }
        return PolicyAcceptanceView(
            version: edition.version,
            acceptedAt: req.bank.clock.now(),
            ip: origin.ip,
            deviceInstallationId: origin.deviceInstallationID
        )
    }

    static func acceptances(req: Request) async throws -> [PolicyAcceptanceView] {
        let caller = try req.caller
        return try await PolicyAcceptance.query(on: req.db).filter(\.$user.$id == caller.userID).with(\.$edition)
            .sort(\.$acceptedAt, .descending).all()
            .map {
                PolicyAcceptanceView(version: $0.edition.version, acceptedAt: $0.acceptedAt, ip: $0.ip, deviceInstallationId: $0.deviceInstallationID)
            }
    }

    /// Staff: `POST /staff/policy/editions` (the responsible person).
    static func publish(req: Request) async throws -> Reply<PolicyEditionView> {
        let staff = try req.staff
        let edition = try await PolicyPublisher(services: req.bank)
            .publish(try req.content.decode(PublishPolicyRequest.self), by: staff.id, on: req.db)
        return .created(try view(of: edition, language: req.language))
    }

    private static func currentEdition(_ req: Request) async throws -> PolicyEdition {
        guard let edition = try await PolicyEditions(services: req.bank).current(on: req.db) else { throw BankError.notFound }
        return edition
    }

    private static func view(of edition: PolicyEdition, language requested: Language) throws -> PolicyEditionView {
        let (language, text): (Language, String) =
            switch requested {
            case .ru where edition.textRu != nil: (.ru, edition.textRu ?? "")
            case .en where edition.textEn != nil: (.en, edition.textEn ?? "")
            default: (.kk, edition.textKk)
            }
        return PolicyEditionView(
            id: try edition.requireID(),
            version: edition.version,
            language: language.rawValue,
            title: edition.title,
            text: text,
            effectiveAt: edition.effectiveAt,
            lastUpdated: edition.lastUpdated,
            publishedAt: edition.publishedAt
        )
    }
}
