import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Server: configuration, health, errors, documents")
struct ServerTests {
    @Test
    func config_inProduction_listsEveryMissingVariable_withoutSecrets() throws {
        let environment = ["BIZBANK_MASTER_KEY": "c2VjcmV0LXZhbHVlLXRoYXQtaXMtdG9vLXNob3J0", "BIZBANK_SESSION_IDLE_SECONDS": "ten"]
        let error = try #require(throws: ConfigError.self) { try AppConfig.load(environment: environment, isProduction: true) }
        let text = error.description
        for name in [
            "DATABASE_URL", "BIZBANK_MASTER_KEY", "BIZBANK_SMS_GATEWAY", "BIZBANK_OPERATOR_BIN", "BIZBANK_SESSION_IDLE_SECONDS",
            "BIZBANK_EMAIL_GATEWAY", "BIZBANK_PUSH_GATEWAY", "BIZBANK_DATA_RESIDENCY", "BIZBANK_FRAUD_TEAM_EMAIL",
        ] {
            #expect(text.contains(name), "missing \(name)")
        }
        #expect(!text.contains("c2VjcmV0"))
    }

    @Test
    func backgroundJobs_runOnlyUnderServe_notUnderOperatorCommands() {
        #expect(BizBank.isServe(["bizbank"]))
        #expect(BizBank.isServe(["bizbank", "serve", "--hostname", "0.0.0.0"]))
        #expect(!BizBank.isServe(["bizbank", "privacy", "purge", "--dry-run"]))
        #expect(!BizBank.isServe(["bizbank", "audit", "verify"]))
    }

    @Test
    func config_inProduction_withEverything_loads() throws {
        let environment = [
            "DATABASE_URL": "postgres://bank:pw@db.internal:5432/bank",
            "BIZBANK_MASTER_KEY": SecureRandom.bytes(32).base64EncodedString(),
            "BIZBANK_SMS_GATEWAY": "http", "BIZBANK_SMS_HTTP_URL": "https://sms.example.kz/send", "BIZBANK_SMS_HTTP_TOKEN": "t",
            "BIZBANK_OPERATOR_BIN": "050140000011",
            "BIZBANK_DPO_NAME": "Айгерім Сейітова", "BIZBANK_DPO_PHONE": "+7 727 330 00 00", "BIZBANK_DPO_EMAIL": "dpo@alataucitybank.kz",
            "BIZBANK_EMAIL_GATEWAY": "smtp", "BIZBANK_SMTP_HOST": "smtp.alataucitybank.kz", "BIZBANK_SMTP_USER": "bizbank",
            "BIZBANK_SMTP_PASSWORD": "p", "BIZBANK_SMTP_FROM": "noreply@alataucitybank.kz",
            "BIZBANK_PUSH_GATEWAY": "http", "BIZBANK_PUSH_HTTP_URL": "https://push.alataucitybank.kz/send", "BIZBANK_PUSH_HTTP_TOKEN": "t",
            "BIZBANK_DATA_RESIDENCY": "KZ", "BIZBANK_DATA_RESIDENCY_HOSTS": "db.internal", "BIZBANK_FRAUD_TEAM_EMAIL": "fraud@alataucitybank.kz",
        ]
        let config = try AppConfig.load(environment: environment, isProduction: true)
        #expect(config.database == .postgres(url: "postgres://bank:pw@db.internal:5432/bank"))
        #expect(config.security.sessionIdleSeconds == 300)
        #expect(config.security.sessionAbsoluteSeconds == 43_200)
        #expect(config.bcryptCost == 12)
    }

    @Test(arguments: TestDatabase.all)
    func production_hasNoDevRoutes(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.isProduction = true }) { t in
            let response = try await t.send(.GET, "/dev/sms")
            #expect(response.status == .notFound)
            #expect(try t.problem(response).code == "not_found")
        }
    }

    @Test(arguments: TestDatabase.all)
    func development_listsSentSMS_newestFirst(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            let listing = try await t.send(.GET, "/dev/sms")
            #expect(listing.status == .ok)
            let items = try listing.content.decode(DevController.Listing.self).items
            #expect(items.first?.to == registration.person.phone)
            #expect(items.first?.text.contains("@bizbank.kz #") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func health_metrics_andOpenAPI_areServed(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            #expect(try await t.send(.GET, "/health/live").status == .ok)
            let ready = try await t.send(.GET, "/health/ready")
            #expect(ready.status == .ok)
            #expect(ready.body.string.contains("reachable"))
            let metrics = try await t.send(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("http_requests_total"))
            let document = try await t.send(.GET, "/api/openapi.yaml")
            #expect(document.status == .ok)
            #expect(document.headers.contentType?.description.hasPrefix("application/yaml") == true)
        }
    }

    /// The document must describe every /api/v1 route the server has, and nothing it does not.
    @Test
    func openAPI_documentsEveryRoute() async throws {
        try await withApp(.sqlite) { t in
            let yaml = try await t.send(.GET, "/api/openapi.yaml").body.string
            let documented = Set(
                yaml.split(separator: "\n").compactMap { line -> String? in
                    guard line.hasPrefix("  /"), line.hasSuffix(":") else { return nil }
                    return String(line.dropFirst(2).dropLast())
                }
            )
            var served = Set<String>()
            for route in t.app.routes.all {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                if path.hasPrefix("/api/v1") {
                    served.insert(path)
                    #expect(yaml.contains("  \(path):"), "undocumented route \(route.method) \(path)")
                }
            }
            let documentedAPI = documented.filter { $0.hasPrefix("/api/v1") }
            #expect(documentedAPI == served)
        }
    }

    @Test(arguments: [("kk", "kk"), ("ru-RU,ru;q=0.9", "ru"), ("en-US", "en"), ("de-DE", "kk"), ("fr;q=1, en;q=0.5, ru;q=0.8", "ru")])
    func problemTitle_followsAcceptLanguage_kazakhByDefault(_ header: String, _ expected: String) async throws {
        try await withApp(.sqlite) { t in
            let response = try await t.send(.GET, "/api/v1/me", language: header)
            #expect(response.headers.first(name: .contentLanguage) == expected)
            let localizer = t.services.localizer
            #expect(try t.problem(response).title == localizer.text("problem.authentication_required", Language(rawValue: expected)!))
        }
    }

    @Test
    func localisation_coversEveryProblemAndFieldCode_inAllLanguages() throws {
        let localizer = try Localizer.bundled()
        let problems = ProblemCode.allCases.map(\.rawValue)
        let fields = FieldCode.allCases.map(\.rawValue)
        for key in problems.map({ "problem.\($0)" }) + fields.map({ "field.\($0)" }) {
            let texts = Language.allCases.map { localizer.text(key, $0) }
            #expect(texts.allSatisfy { $0 != key && !$0.isEmpty }, "\(key) is not localised")
            #expect(Set(texts).count == 3, "\(key) is not translated into every language")
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedBodies_getProblemDocuments_notServerErrors(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let notJSON = try await t.send(.POST, "/api/v1/auth/sign-in", headers: [("Content-Type", "text/plain")])
            #expect(notJSON.status == .unsupportedMediaType)
            let broken = try await t.app.testing().sendRequest(
                .POST,
                "/api/v1/auth/sign-in",
                headers: ["Content-Type": "application/json"],
                body: .init(string: "{")
            )
            #expect(broken.status == .badRequest)
            #expect(try t.problem(broken).code == "malformed_request")
            let missing = try await t.app.testing().sendRequest(
                .POST,
                "/api/v1/auth/sign-in",
                headers: ["Content-Type": "application/json"],
                body: .init(string: #"{"phone":"+77011234567"}"#)
            )
            #expect(missing.status == .unprocessableEntity)
            #expect(try t.problem(missing).errors?.first?.code == "required")
        }
    }
}
