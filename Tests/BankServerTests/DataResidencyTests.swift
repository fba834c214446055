import BankAPI
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Law 94-V art. 12 (localisation): production starts only with the data residency declared for the database it
/// uses, and readiness reports the declaration.
@Suite("Data residency (Law 94-V art. 12)")
struct DataResidencyTests {
    /// Everything production needs but the residency declaration.
    static func production(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "DATABASE_URL": "postgres://bank:secret-pw@db.almaty.internal:5432/bank",
            "BIZBANK_MASTER_KEY": SecureRandom.bytes(32).base64EncodedString(),
            "BIZBANK_SMS_GATEWAY": "http", "BIZBANK_SMS_HTTP_URL": "https://sms.example.kz/send", "BIZBANK_SMS_HTTP_TOKEN": "t",
            "BIZBANK_OPERATOR_BIN": "050140000011",
            "BIZBANK_DPO_NAME": "Айгерім Сейітова", "BIZBANK_DPO_PHONE": "+7 727 330 00 00", "BIZBANK_DPO_EMAIL": "dpo@alataucitybank.kz",
            "BIZBANK_EMAIL_GATEWAY": "smtp", "BIZBANK_SMTP_HOST": "smtp.alataucitybank.kz", "BIZBANK_SMTP_USER": "bizbank",
            "BIZBANK_SMTP_PASSWORD": "p", "BIZBANK_SMTP_FROM": "noreply@alataucitybank.kz",
            "BIZBANK_PUSH_GATEWAY": "http", "BIZBANK_PUSH_HTTP_URL": "https://push.alataucitybank.kz/send", "BIZBANK_PUSH_HTTP_TOKEN": "t",
            "BIZBANK_FRAUD_TEAM_EMAIL": "fraud@alataucitybank.kz",
        ].merging(extra) { $1 }
    }

    @Test
    func production_refusesToStart_unlessKZIsDeclaredForTheDatabaseHost() throws {
        // nothing declared
        let undeclared = try #require(throws: ConfigError.self) { try AppConfig.load(environment: Self.production(), isProduction: true) }
        #expect(undeclared.description.contains("BIZBANK_DATA_RESIDENCY=KZ is required in production"))
        // another country
        let elsewhere = try #require(throws: ConfigError.self) {
            try AppConfig.load(environment: Self.production(["BIZBANK_DATA_RESIDENCY": "DE"]), isProduction: true)
        }
        #expect(elsewhere.description.contains("BIZBANK_DATA_RESIDENCY must be KZ"))
        // KZ declared for another host than the one DATABASE_URL names
        let otherHost = try #require(throws: ConfigError.self) {
            try AppConfig.load(
                environment: Self.production(["BIZBANK_DATA_RESIDENCY": "KZ", "BIZBANK_DATA_RESIDENCY_HOSTS": "db.astana.internal"]),
                isProduction: true
            )
        }
        #expect(otherHost.description.contains("BIZBANK_DATA_RESIDENCY_HOSTS"))
        #expect(otherHost.description.contains("db.almaty.internal"))
        #expect(!otherHost.description.contains("secret-pw"))
        // declared for the database's host
        let config = try AppConfig.load(
            environment: Self.production([
                "BIZBANK_DATA_RESIDENCY": "KZ", "BIZBANK_DATA_RESIDENCY_HOSTS": "db.astana.internal, DB.Almaty.Internal",
            ]),
            isProduction: true
        )
        #expect(config.dataResidency == "KZ")
        // development runs undeclared
        #expect(try AppConfig.load(environment: [:], isProduction: false, isTesting: true).dataResidency == nil)
    }

    @Test(arguments: TestDatabase.all)
    func ready_reportsTheDeclaredResidency_orUndeclared(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let body = try await t.send(.GET, "/health/ready").requireStatus(.ok).content.decode([String: String].self)
            #expect(body["dataResidency"] == "undeclared")
        }
        try await withApp(database, adjust: .set { $0.dataResidency = "KZ" }) { t in
            let body = try await t.send(.GET, "/health/ready").requireStatus(.ok).content.decode([String: String].self)
            #expect(body["dataResidency"] == "KZ")
        }
    }
}
