import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Policy editions and acceptance (§6.1, §6.2)")
struct PolicyEditionTests {
    @Test(arguments: TestDatabase.all)
    func firstEdition_isPublicInThreeLanguages_asJSONAndHTML(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let kk = try await t.send(.GET, "/api/v1/policy/current").content.decode(PolicyEditionView.self)
            let ru = try await t.send(.GET, "/api/v1/policy/current", language: "ru").content.decode(PolicyEditionView.self)
            let en = try await t.send(.GET, "/api/v1/policy/current", language: "en").content.decode(PolicyEditionView.self)
            #expect([kk.language, ru.language, en.language] == ["kk", "ru", "en"])
            #expect(ru.text.contains("7711") && en.text.contains("7711"))
            #expect(ru.text.contains("2.3.6") && en.text.contains("6.2"))
            let page = try await t.send(.GET, "/policy?lang=en")
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("Last updated: 2025-01-01"))
            #expect(page.body.string.contains("7711"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func newEdition_onceEffective_gatesEveryCallExceptReadingAcceptingSigningOutAndReporting(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let edition = try await t.publishEdition(effectiveAfter: 120)
            #expect(edition.version == 2)
            // not yet effective: nothing changes
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
            #expect(try await t.send(.GET, "/api/v1/policy/current").content.decode(PolicyEditionView.self).version == 1)
            t.clock.advance(seconds: 120)
            #expect(try await t.send(.GET, "/api/v1/policy/current").content.decode(PolicyEditionView.self).version == 2)
            let gated = try await t.send(.GET, "/api/v1/me", token: grant.token)
            #expect(gated.status == .forbidden)
            let problem = try t.problem(gated)
            #expect(problem.code == "policy_acceptance_required")
            #expect(problem.policyVersion == 2)
            #expect(try await t.send(.GET, "/api/v1/me/sessions", token: grant.token).status == .forbidden)
            // granting a consent waits too; withdrawing it and the other rights do not (PrivacyGateRightsTests)
            let grantConsent = try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: grant.token)
            #expect(grantConsent.status == .forbidden)
            try await t.send(.GET, "/api/v1/me/consents", token: grant.token).requireStatus(.ok)
            // accepting an older edition is refused
            let old = try await t.send(.POST, "/api/v1/me/policy-acceptance", json: AcceptPolicyRequest(version: 1), token: grant.token)
            #expect(try t.problem(old).code == "policy_edition_outdated")
            let accepted = try await t.send(.POST, "/api/v1/me/policy-acceptance", json: AcceptPolicyRequest(version: 2), token: grant.token)
            #expect(try accepted.content.decode(PolicyAcceptanceView.self).version == 2)
            try await t.send(.GET, "/api/v1/me", token: grant.token).requireStatus(.ok)
            let history = try await t.send(.GET, "/api/v1/me/policy-acceptances", token: grant.token).content.decode([PolicyAcceptanceView].self)
            #expect(history.map(\.version) == [2, 1])
        }
    }

    @Test(arguments: TestDatabase.all)
    func signOut_worksWithoutAcceptingTheNewEdition(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.publishEdition()
            #expect(try await t.send(.GET, "/api/v1/me", token: grant.token).status == .forbidden)
            try await t.send(.POST, "/api/v1/auth/sign-out", token: grant.token).requireStatus(.noContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func publishing_isForThePrivacyOfficerOnly_andValidatesEveryField(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let support = try await t.staffToken(.support)
            let forbidden = try await t.send(
                .POST,
                "/api/v1/staff/policy/editions",
                json: PublishPolicyRequest(title: "x", textKk: "x", textRu: "x", textEn: "x", lastUpdated: "2026-11-25"),
                token: support
            )
            #expect(forbidden.status == .forbidden)
            let officer = try await t.staffToken(.privacyOfficer)
            let bad = try await t.send(
                .POST,
                "/api/v1/staff/policy/editions",
                json: PublishPolicyRequest(
                    title: "",
                    textKk: "x",
                    textRu: " ",
                    textEn: "x",
                    effectiveAt: t.clock.now().addingTimeInterval(-86_400),
                    lastUpdated: "2026-13-01"
                ),
                token: officer
            )
            #expect(Set(try t.problem(bad).errors?.map(\.field) ?? []) == ["title", "textRu", "lastUpdated", "effectiveAt"])
            #expect(try await PolicyEdition.query(on: t.db).count() == 1)
            // a client token is not a staff token
            let client = try await t.registerActive()
            #expect(
                try await t.send(.POST, "/api/v1/staff/offers", json: LocalizedOffer(kk: "a", ru: "a", en: "a"), token: client.token).status
                    == .unauthorized
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func staffSignIn_failsAlike_andIsRateLimited(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            _ = try await t.staffToken(.support, username: "aigerim")
            let wrong = try await t.send(
                .POST,
                "/api/v1/staff/sign-in",
                json: StaffSignInRequest(username: "aigerim", password: "nope", code: "000000")
            )
            let unknown = try await t.send(
                .POST,
                "/api/v1/staff/sign-in",
                json: StaffSignInRequest(username: "nobody", password: "nope", code: "000000")
            )
            #expect(try t.problem(wrong).code == "sign_in_failed")
            #expect(try t.problem(unknown).code == "sign_in_failed")
            for _ in 0..<3 {
                _ = try await t.send(.POST, "/api/v1/staff/sign-in", json: StaffSignInRequest(username: "aigerim", password: "nope", code: "000000"))
            }
            let limited = try await t.send(
                .POST,
                "/api/v1/staff/sign-in",
                json: StaffSignInRequest(username: "aigerim", password: "nope", code: "000000")
            )
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test(arguments: TestDatabase.all)
    func policyPublishCommand_publishesTheThreeTexts(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (language, text) in [("kk", "Саясат"), ("ru", "Политика"), ("en", "Policy")] {
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(language).txt"))
            }
            let arguments = ["kk", "ru", "en"].flatMap { ["--\($0)", folder.appendingPathComponent("\($0).txt").path] }
            try await t.runCommand(PolicyCommands(), ["publish", "--title", "Edition 2", "--last-updated", "2026-11-25"] + arguments)
            let current = try await t.send(.GET, "/api/v1/policy/current", language: "ru").content.decode(PolicyEditionView.self)
            #expect(current.version == 2)
            #expect(current.text == "Политика")
            // a missing text is refused and publishes nothing
            await #expect(throws: CommandFailure.self) {
                try await t.runCommand(PolicyCommands(), ["publish", "--title", "Edition 3", "--last-updated", "2026-11-25", "--kk", arguments[1]])
            }
            #expect(try await PolicyEdition.query(on: t.db).count() == 2)
        }
    }
}
