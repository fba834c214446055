import BankAPI
import Crypto
import Fluent
import Foundation
import Logging
import Testing
import VaporTesting

@testable import BankServer

/// What a consent's withdrawal does beyond stopping new processing (Law 94-V art. 18, 24): what was collected under
/// it goes, and a message already on its way is not sent again. And §2.3.5: the e-mail is shown only with consent.
@Suite("Consent effects: e-mail display, withdrawal removes what it allowed")
struct ConsentEffectsTests {
    @Test(arguments: TestDatabase.all)
    func emailDisplay_showsTheEmail_onlyWhileTheConsentIsLive(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a client without the consent
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            #expect(grant.user.email == nil)
            #expect(try await t.me(grant).email == nil)
            // when they allow showing it, then the profile shows it
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "email_display"), token: grant.token)
                .requireStatus(.created)
            #expect(try await t.me(grant).email == registration.person.email)
            // when they withdraw, then it is hidden again
            try await t.send(.DELETE, "/api/v1/me/consents/email_display", token: grant.token).requireStatus(.ok)
            #expect(try await t.me(grant).email == nil)
            let raw = try await t.send(.GET, "/api/v1/me", token: grant.token).body.string
            #expect(!raw.contains(registration.person.email))
        }
    }

    @Test(arguments: TestDatabase.all)
    func withdrawingFraudLocation_deletesTheStoredLocations(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a client whose sign-in location was stored under the consent
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let key = try await t.enrolDeviceKey(token: grant.token)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "fraud_location"), token: grant.token)
                .requireStatus(.created)
            let proof = try await t.deviceProof(key, phone: registration.person.phone, deviceId: registration.device.id)
            let almaty = DeviceLocation(latitude: 43.2389, longitude: 76.8897, countryCode: "KZ")
            let signIn = SignInRequest(
                phone: registration.person.phone,
                password: Fixtures.password,
                device: registration.device,
                location: almaty,
                deviceProof: proof
            )
            let session = try await t.send(.POST, "/api/v1/auth/sign-in", json: signIn).requireStatus(.ok).content.decode(SessionGrant.self)
            #expect(try await DeviceLocationRecord.query(on: t.db).filter(\.$userID == grant.user.id).count() == 1)
            // when the consent is withdrawn
            try await t.send(.DELETE, "/api/v1/me/consents/fraud_location", token: session.token).requireStatus(.ok)
            // then the locations are gone at once, not after 30 days
            #expect(try await DeviceLocationRecord.query(on: t.db).filter(\.$userID == grant.user.id).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withdrawingCameraMedia_deletesThePhoto_butNotTheCompanysDocuments(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given a director with a photo and a company document, both uploaded under the consent
            let company = try await t.paymentCompany()
            let token = company.director.token
            try await t.grantCameraConsent(token)
            try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.png(), type: "image/png", token: token).requireStatus(.created)
            let document = try await t.uploadDocument(SampleFiles.png(), type: "image/png", company: company.id, token: token)
            #expect(try await t.storedDocumentCounts() == (2, 2))
            // when the consent is withdrawn
            try await t.send(.DELETE, "/api/v1/me/consents/camera_media", token: token).requireStatus(.ok)
            // then the photo is gone, and the company's document stays (it belongs to the company)
            #expect(try await t.send(.GET, "/api/v1/me/photo", token: token).status == .notFound)
            #expect(try await t.storedDocumentCounts() == (1, 1))
            try await t.send(.GET, "/api/v1/companies/\(company.id)/documents/\(document.id)/content", token: token).requireStatus(.ok)
            #expect(try await t.auditEvents().filter { $0 == "photo.deleted" }.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func marketingBeingSent_whenTheConsentIsWithdrawn_isDroppedNotRetried(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given an offer queued by SMS to a consenting client
            let grant = try await Self.marketingSMSQueued(t)
            #expect(try await t.outboxCount(SMSMessage.self, userID: grant.user.id, category: "marketing") == 1)
            // when the consent is withdrawn while the message is being sent (claimed: `sending`), and that send fails
            struct GatewayDown: Error {}
            let dispatcher = OutboxDispatcher<SMSMessage>(clock: t.clock, logger: t.app.logger, label: "SMS")
            _ = try await dispatcher.dispatchPending(limit: 50, on: t.db) { message in
                guard message.category == "marketing" else { return true }
                try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token).requireStatus(.ok)
                throw GatewayDown()
            }
            // then it is not put back for a retry: it is gone
            #expect(try await t.outboxCount(SMSMessage.self, userID: grant.user.id, category: "marketing") == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func marketingWhoseConsentIsNoLongerLive_isNotSent(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given an offer waiting, and the consent withdrawn behind the outbox's back (no cancellation ran)
            let grant = try await Self.marketingSMSQueued(t)
            let consent = try #require(
                try await Consent.query(on: t.db).filter(\.$user.$id == grant.user.id).filter(\.$purpose == "marketing").first()
            )
            consent.withdrawnAt = t.clock.now()
            try await consent.save(on: t.db)
            // when the dispatcher comes to it
            var sent: [String] = []
            let dispatcher = OutboxDispatcher<SMSMessage>(clock: t.clock, logger: t.app.logger, label: "SMS")
            _ = try await dispatcher.dispatchPending(limit: 50, on: t.db) { message in
                sent.append(message.category)
                return true
            }
            // then it re-checks the consent right before sending and drops the message
            #expect(!sent.contains("marketing"))
            #expect(try await t.outboxCount(SMSMessage.self, userID: grant.user.id, category: "marketing") == 0)
        }
    }

    /// A client with the marketing consent and SMS chosen for offers, and one offer queued to them.
    static func marketingSMSQueued(_ t: TestHarness) async throws -> SessionGrant {
        let grant = try await t.registerActive()
        try await t.grantMarketing(grant.token)
        try await t.setNotificationChannels(grant.token, marketing: ["sms"])
        let staff = try await t.staffToken(.support)
        let offer = LocalizedOffer(kk: "Жаңа тариф", ru: "Новый тариф", en: "New tariff")
        #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
        return grant
    }
}
