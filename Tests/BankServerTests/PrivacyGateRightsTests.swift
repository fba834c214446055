import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §6.2 against Law 94-V art. 24–25: a person who has not yet accepted a new edition may not use the app, but every
/// right over their data still works (withdrawing consent, correcting, the requests, the disclosures, the notification
/// choices), and no marketing reaches them until they accept. Each test first shows the gate is shut.
@Suite("Rights before accepting a new edition (§6.2, Law 94-V art. 24–25)")
struct PrivacyGateRightsTests {
    /// A signed-in person with a new edition in force they have not accepted: the gate answers 403.
    static func unaccepted(_ t: TestHarness, _ registration: RegistrationRequest = Fixtures.registration()) async throws -> SessionGrant {
        let grant = try await t.registerActive(registration)
        try await t.publishEdition()
        let gated = try await t.send(.GET, "/api/v1/me/sessions", token: grant.token)
        #expect(try t.problem(gated).code == "policy_acceptance_required")
        return grant
    }

    @Test(arguments: TestDatabase.all)
    func consents_canBeListedAndWithdrawn_butNotGranted(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.grantMarketing(grant.token)
            try await t.publishEdition()
            let overview = try await t.send(.GET, "/api/v1/me/consents", token: grant.token).requireStatus(.ok).content.decode(ConsentOverview.self)
            #expect(overview.items.first { $0.purpose.id == "marketing" }?.granted == true)
            let withdrawn = try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token)
            #expect(try withdrawn.requireStatus(.ok).content.decode([ConsentView].self).count == 1)
            #expect(try await ConsentService(services: t.services).live(.marketing, userID: grant.user.id, on: t.db) == nil)
            // granting is processing under the new edition: it waits for the acceptance
            let grantAgain = try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: grant.token)
            #expect(try t.problem(grantAgain).code == "policy_acceptance_required")
        }
    }

    @Test(arguments: TestDatabase.all)
    func name_email_andPhone_canBeCorrected(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await Self.unaccepted(t, registration)
            let renamed = try await t.send(.PATCH, "/api/v1/me/profile", json: ProfileUpdate(fullName: "Айгерім Серікқызы"), token: grant.token)
            #expect(try renamed.requireStatus(.ok).content.decode(UserProfile.self).fullName == "Айгерім Серікқызы")
            // the e-mail, once the code sent to the new address comes back
            let newEmail = "gate.\(Fixtures.digits(6))@example.kz"
            let started = try await t.startEmailChange(grant, to: newEmail)
            try await t.confirmEmailChange(grant, started.challengeId, try await t.emailCode(to: newEmail)).requireStatus(.ok)
            // the phone, with the codes to the old and the new number
            let newPhone = Fixtures.phone()
            let phone = try await t.startPhoneChange(grant, to: newPhone)
            let codes = (old: try await t.latestCode(to: registration.person.phone), new: try await t.latestCode(to: newPhone))
            try await t.confirmPhoneChange(grant, phone.challengeId, codes.old, codes.new).requireStatus(.ok)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(user.emailIndex == t.services.vault.emailIndex(try EmailAddress(newEmail)))
            #expect(user.phoneIndex == t.services.vault.phoneIndex(try PhoneNumber(newPhone)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func privacyRequests_canBeMadeAndListed(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await Self.unaccepted(t)
            for kind in ["information", "destroy", "block"] {
                let response = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: kind), token: grant.token)
                #expect(try response.requireStatus(.created).content.decode(PrivacyRequestView.self).kind == kind)
            }
            let mine = try await t.send(.GET, "/api/v1/me/privacy/requests", token: grant.token).requireStatus(.ok).content.decode(
                PrivacyRequestList.self
            )
            #expect(Set(mine.items.map(\.kind)) == ["information", "destroy", "block"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func disclosures_canBeRead(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await Self.unaccepted(t)
            let officer = try await t.staffToken(.privacyOfficer)
            let disclosure = RecordDisclosureRequest(
                userId: grant.user.id,
                recipientName: "Қаржылық мониторинг агенттігі",
                dataCategories: ["full_name", "iin"],
                basis: "law",
                legalReference: "Law 191-VI art. 13"
            )
            try await t.send(.POST, "/api/v1/staff/privacy/disclosures", json: disclosure, token: officer).requireStatus(.created)
            let mine = try await t.send(.GET, "/api/v1/me/privacy/disclosures", token: grant.token).requireStatus(.ok)
                .content.decode(ListPage<DisclosureView>.self)
            #expect(mine.items.map(\.recipientName).contains("Қаржылық мониторинг агенттігі"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func notificationPreferences_canBeReadAndChanged(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await Self.unaccepted(t)
            try await t.send(.GET, "/api/v1/me/notification-preferences", token: grant.token).requireStatus(.ok)
            let changed = try await t.setNotificationChannels(grant.token, marketing: [], operational: ["in_app"])
            #expect(changed.marketing.isEmpty)
            #expect(changed.operational == ["in_app"])
        }
    }

    /// §6.2: a live marketing consent is not enough while the edition in force is unaccepted; accepting restores it.
    @Test(arguments: TestDatabase.all)
    func marketing_waitsForTheAcceptanceOfTheEditionInForce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.grantMarketing(grant.token)
            let edition = try await t.publishEdition()
            let staff = try await t.staffToken(.support)
            let offer = LocalizedOffer(kk: "Жаңа тариф", ru: "Новый тариф", en: "New tariff")
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
            // the service itself refuses, whoever calls it
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            let direct = try await NotificationService(services: t.services)
                .notify(user, .marketing, .init(key: "notification.offer", parameters: ["text": "x"]), on: t.db)
            #expect(direct.isEmpty)
            #expect(try await InboxItem.query(on: t.db).filter(\.$userID == grant.user.id).filter(\.$category == "marketing").count() == 0)
            // once accepted, the consent works again
            try await t.send(.POST, "/api/v1/me/policy-acceptance", json: AcceptPolicyRequest(version: edition.version), token: grant.token)
                .requireStatus(.ok)
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
        }
    }
}
