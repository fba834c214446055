import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Purposes and consents (§2.1–§2.3, §3.3.1, Law 94-V art. 8)")
struct ConsentTests {
    @Test(arguments: TestDatabase.all)
    func purposes_arePublic_inTheReadersLanguage_andCoverEveryPurpose(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let ru = try await t.send(.GET, "/api/v1/privacy/purposes", language: "ru").content.decode(PurposeList.self)
            #expect(ru.language == "ru")
            #expect(Set(ru.items.map(\.id)) == Set(ProcessingPurpose.allCases.map(\.rawValue)))
            let marketing = try #require(ru.items.first { $0.id == "marketing" })
            #expect(marketing.clause == "§2.2.8")
            #expect(marketing.basis == "consent")
            #expect(marketing.switchable)
            #expect(marketing.name == "Новости и предложения")
            let kk = try await t.send(.GET, "/api/v1/privacy/purposes").content.decode(PurposeList.self)
            #expect(kk.items.first { $0.id == "marketing" }?.name == "Жаңалықтар мен ұсыныстар")
            let accessLog = try #require(kk.items.first { $0.id == "access_log" })
            #expect(accessLog.retentionDays == 90)
            #expect(!accessLog.switchable)
        }
    }

    @Test(arguments: TestDatabase.all)
    func grantAndWithdraw_keepHistory_withTheArticle8Fields(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let fullName = registration.person.fullName
            let grant = try await t.registerActive(registration)
            let granted = try await t.send(
                .POST,
                "/api/v1/me/consents",
                json: GrantConsentRequest(purpose: "marketing"),
                token: grant.token,
                language: "ru"
            )
            #expect(granted.status == .created)
            let consent = try granted.content.decode(ConsentView.self)
            // art. 8: the duration, whether published, the text shown in the request's language, and the subject's name
            let entry = t.services.purposes.entry(.marketing)
            #expect(consent.duration == entry.retention.en)
            #expect(consent.published == false && entry.published == false)
            #expect(consent.purposeLanguage == "ru")
            #expect(consent.purposeTitle == "Новости и предложения")
            #expect(consent.purposeText == entry.description.ru)
            #expect(consent.subjectName == fullName)
            // at rest: the name is sealed (not in clear in any column of any table), the bank's text is kept as shown
            let scan = try await t.expectNoPlaintextAtRest([fullName])
            #expect(scan.tablesRead.contains("consents"))
            // the scan read the sealed names: the account-creation consent's and this one's
            #expect(try await Consent.query(on: t.db).filter(\.$user.$id == grant.user.id).filter(\.$subjectName != nil).count() == 2)
            let stored = try #require(try await Consent.find(consent.id, on: t.db))
            #expect(stored.purposeText == entry.description.ru)
            #expect(stored.subjectName?.isEmpty == false)
            #expect(consent.operatorName == t.services.config.operatorName)
            #expect(consent.operatorBin == t.services.config.operatorBIN)
            #expect(consent.dataCategories == ["full_name", "phone", "email"])
            #expect(consent.policyVersion == 1)
            #expect(consent.channel == "mobile_app")
            #expect(!consent.deviceInstallationId.isEmpty)
            // art. 16: an offer may go by push, so the device's push token goes to APNs/FCM abroad; the consent says so
            #expect(!consent.thirdParty && consent.crossBorder)
            // granting again is the same record
            let again = try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: grant.token)
            #expect(try again.content.decode(ConsentView.self).id == consent.id)
            t.clock.advance(seconds: 60)
            let withdrawn = try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token)
            #expect(withdrawn.status == .ok)
            #expect(try withdrawn.content.decode([ConsentView].self).first?.withdrawnAt != nil)
            let overview = try await t.send(.GET, "/api/v1/me/consents", token: grant.token).content.decode(ConsentOverview.self)
            #expect(overview.items.first { $0.purpose.id == "marketing" }?.granted == false)
            // the history keeps the withdrawn consent and the account-creation consent from registration
            #expect(overview.history.map(\.purpose).sorted() == ["account_creation", "marketing"])
            #expect(overview.items.first { $0.purpose.id == "account_creation" }?.granted == true)
            // the history shows the art. 8 fields too; the account's consent in the registration's language (kk)
            let marketing = try #require(overview.history.first { $0.purpose == "marketing" })
            #expect(marketing.subjectName == fullName && marketing.purposeTitle == "Новости и предложения" && !marketing.published)
            let account = try #require(overview.history.first { $0.purpose == "account_creation" })
            #expect(account.subjectName == fullName)
            #expect(account.purposeLanguage == "kk" && account.purposeTitle == "Есептік жазба құру")
            #expect(account.purposeText == t.services.purposes.entry(.accountCreation).description.kk)
            // art. 24: the export carries the same
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token).requireStatus(.ok)
                .content.decode(PersonalDataExport.self)
            let exported = try #require(export.consents.first { $0.purpose == "marketing" })
            #expect(exported.subjectName == fullName && exported.purposeText == entry.description.ru && exported.published == false)
            // crypto-shredding covers the name: once the person's key is gone it no longer opens
            try await PersonKeys(cipher: t.services.cipher).destroy(subject: grant.user.id, at: t.clock.now(), on: t.db)
            let shredded = try await ConsentService(services: t.services).views(
                try await ConsentService(services: t.services).history(userID: grant.user.id, on: t.db),
                on: t.db
            )
            #expect(shredded.count == 2 && shredded.allSatisfy { $0.subjectName == nil })
            // withdrawing what is not live is a clear 404
            #expect(try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badGrants_areRefused_andStoreNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let before = try await Consent.query(on: t.db).count()
            let unknown = try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "everything"), token: grant.token)
            #expect(try t.problem(unknown).errors?.first?.code == "unknown_purpose")
            let noRecipient = try await t.send(
                .POST,
                "/api/v1/me/consents",
                json: GrantConsentRequest(purpose: "third_party_disclosure"),
                token: grant.token
            )
            #expect(Set(try t.problem(noRecipient).errors?.map(\.field) ?? []) == ["recipientName", "recipientBin"])
            let contract = try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "operations"), token: grant.token)
            #expect(contract.status == .conflict)
            #expect(try t.problem(contract).code == "purpose_not_switchable")
            let notWithdrawable = try await t.send(.DELETE, "/api/v1/me/consents/account_creation", token: grant.token)
            #expect(try t.problem(notWithdrawable).code == "consent_ends_with_account")
            #expect(try await Consent.query(on: t.db).count() == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func disclosureConsent_isPerRecipient(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let bureau = Fixtures.bin().value
            let request = GrantConsentRequest(purpose: "third_party_disclosure", recipientName: "First Credit Bureau", recipientBin: bureau)
            try await t.send(.POST, "/api/v1/me/consents", json: request, token: grant.token).requireStatus(.created)
            let services = ConsentService(services: t.services)
            try await services.require(.thirdPartyDisclosure, userID: grant.user.id, recipientBIN: bureau, on: t.db)
            await #expect(throws: BankError.consentRequired(.thirdPartyDisclosure)) {
                try await services.require(.thirdPartyDisclosure, userID: grant.user.id, recipientBIN: Fixtures.bin().value, on: t.db)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func marketing_goesOnlyToLiveConsents_andWithdrawalCancelsWhatIsQueued(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let staff = try await t.staffToken(.support)
            let offer = LocalizedOffer(kk: "Жаңа тариф", ru: "Новый тариф", en: "New tariff")
            // without consent: nothing queued
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: grant.token).requireStatus(
                .created
            )
            // §2.2.8 and the user's channel choice: SMS is chosen explicitly (the default is the in-app inbox only)
            try await t.setNotificationChannels(grant.token, marketing: ["sms"])
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
            #expect(try await t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            // withdrawal: the queued offer is cancelled, and the next offer is not queued
            try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token).requireStatus(.ok)
            #expect(try await !t.messages(to: registration.person.phone).contains("Жаңа тариф"))
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 0)
            #expect(try await !t.messages(to: registration.person.phone).contains("Жаңа тариф"))
        }
    }
}

extension ConsentTests {
    /// Law 94-V art. 8: the consent to the account's creation cannot be withdrawn on its own; the refusal gives its
    /// reason in the person's language and is recorded, and the consent stays live.
    @Test(arguments: TestDatabase.all)
    func withdrawingTheAccountConsent_isARecordedReasonedRefusal(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            for (language, reason) in [
                ("en", "close the account, or ask for your personal data to be destroyed"), ("ru", "закройте счёт или запросите уничтожение"),
                ("kk", "шотты жабыңыз немесе дербес деректеріңізді жоюды сұраңыз"),
            ] {
                let refused = try await t.send(.DELETE, "/api/v1/me/consents/account_creation", token: grant.token, language: language)
                #expect(refused.status == .conflict)
                let problem = try t.problem(refused)
                #expect(problem.code == "consent_ends_with_account")
                #expect(problem.title.contains(reason), "\(language): \(problem.title)")
            }
            #expect(try await t.auditEvents().filter { $0 == "consent.withdrawal_refused" }.count == 3)
            let entry = try #require(try await AuditEntry.query(on: t.db).filter(\.$event == "consent.withdrawal_refused").first())
            #expect(entry.subject.hasPrefix("consent:"))
            #expect(entry.details.contains("consent_ends_with_account"))
            let overview = try await t.send(.GET, "/api/v1/me/consents", token: grant.token).content.decode(ConsentOverview.self)
            #expect(overview.items.first { $0.purpose.id == "account_creation" }?.granted == true)
        }
    }

    /// §2.2.8, Law 94-V art. 18: withdrawing the marketing consent also deletes the offers already in the inbox;
    /// operational notices stay.
    @Test(arguments: TestDatabase.all)
    func withdrawingMarketing_deletesTheOffersInTheInbox_butNotOperationalItems(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.grantMarketing(grant.token)
            let staff = try await t.staffToken(.support)
            let offer = LocalizedOffer(kk: "Жаңа тариф", ru: "Новый тариф", en: "New tariff")
            #expect(try await t.send(.POST, "/api/v1/staff/offers", json: offer, token: staff).content.decode(OfferQueued.self).recipients == 1)
            let user = try #require(try await User.find(grant.user.id, on: t.db))
            let notice = NotificationMessage(key: "notification.payment_executed", parameters: ["number": "1", "amount": "1.00 KZT", "payee": "ТОО"])
            try await NotificationService(services: t.services).notify(user, .operational, notice, on: t.db)
            let before = try await t.inbox(grant.token)
            #expect(before.items.filter { $0.category == "marketing" }.count == 1)
            #expect(before.items.filter { $0.category == "operational" }.count == 1)
            try await t.send(.DELETE, "/api/v1/me/consents/marketing", token: grant.token).requireStatus(.ok)
            let after = try await t.inbox(grant.token)
            #expect(after.items.filter { $0.category == "marketing" }.isEmpty)
            #expect(after.items.filter { $0.category == "operational" }.count == 1)
            #expect(try await InboxItem.query(on: t.db).filter(\.$userID == grant.user.id).filter(\.$category == "marketing").count() == 0)
        }
    }
}

@Suite("Retention by category (§2.1, Law 94-V art. 18)")
struct RetentionCategoryTests {
    @Test(arguments: TestDatabase.all)
    func purge_reportsEveryCategory_andDropsOffersWithoutALiveConsent(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let withConsent = Fixtures.registration()
            let without = Fixtures.registration()
            let consenting = try await t.registerActive(withConsent)
            let other = try await t.registerActive(without)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "marketing"), token: consenting.token)
                .requireStatus(.created)
            let outbox = SMSOutbox(services: t.services)
            for (registration, grant) in [(withConsent, consenting), (without, other)] {
                try await outbox.enqueue(
                    to: .init(registration.person.phone),
                    text: "offer",
                    category: MarketingOffers.category,
                    userID: grant.user.id,
                    on: t.db
                )
            }
            _ = try await t.staffToken(.support)
            t.clock.advance(seconds: 9 * 3600)  // the staff session (8 h) has ended; not yet 7 days
            let report = try await RetentionJob(services: t.services).run(on: t.db)
            let categories = Set(report.counts.map(\.category))
            let required: Set = [
                "access_log", "otp_challenges", "device_challenges", "sessions", "staff_sessions", "sms", "email", "location", "support_tickets",
                "feedback", "withdrawn_consent_marketing", "push", "inbox_read", "pending_registrations", "idempotency_keys", "devices",
                "inbox_unread", "support_tickets_open", "security_alerts", "agreement_network_data", "closed_accounts", "removed_employees",
            ]
            #expect(categories.isSuperset(of: required))
            #expect(report["withdrawn_consent_marketing"] == 1)
            #expect(report["staff_sessions"] == 0)
            #expect(try await t.messages(to: withConsent.person.phone).contains("offer"))
            #expect(try await !t.messages(to: without.person.phone).contains("offer"))
            // with no live marketing consent at all
            _ = try await ConsentService(services: t.services).withdraw(.marketing, userID: consenting.user.id, recipientBIN: nil, on: t.db)
            try await outbox.enqueue(
                to: .init(without.person.phone),
                text: "offer",
                category: MarketingOffers.category,
                userID: other.user.id,
                on: t.db
            )
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["withdrawn_consent_marketing"] == 1)
            t.clock.advance(seconds: 7 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["staff_sessions"] == 1)
        }
    }
}
