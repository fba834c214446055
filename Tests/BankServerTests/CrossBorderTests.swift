import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Law 94-V art. 16 (cross-border transfer) and §3.3: what leaves the country carries no details, a purpose that
/// sends data abroad says so, and the flows the system itself makes stand in the person's disclosure register.
@Suite("Where data goes: cross-border texts, purposes and standing disclosures")
struct CrossBorderTests {
    @Test(arguments: TestDatabase.all)
    func anExecutedPayment_byPushOrEmail_carriesNeitherTheAmountNorThePayee_butTheInboxDoes(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given an operator with a push token and push and e-mail chosen for operations
            let company = try await t.paymentCompany()
            let author = company.operatorUser
            let device = try await t.firstDevice(author.token)
            try await t.send(
                .PUT,
                "/api/v1/me/devices/\(device)/push-token",
                json: PushTokenRegistration(token: String(repeating: "ab", count: 32), platform: "apns"),
                token: author.token
            )
            .requireStatus(.ok)
            try await t.setNotificationChannels(author.token, marketing: [], operational: ["in_app", "push", "email"], language: "en")
            // when their payment of 150.00 is executed
            let created = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "150.00"),
                token: author.token
            )
            let order = try created.requireStatus(.created).content.decode(PaymentOrderView.self)
            try await t.send(.POST, "/api/v1/payments/\(order.id)/sign", token: company.director.token).requireStatus(.ok)
            let record = try #require(try await PaymentOrderRecord.find(order.id, on: t.db))
            // and the same notice is asked for by e-mail too (the executor asks for in-app and push)
            let message = NotificationMessage(
                key: "notification.payment_executed",
                parameters: ["number": record.number, "amount": "150.00 KZT", "payee": record.beneficiaryName]
            )
            let channels = try await NotificationService(services: t.services)
                .notify(userID: author.user.id, .operational, message, channels: [.email], on: t.db)
            #expect(channels.contains(.email))
            // then the push and the e-mail say only that a payment was executed
            let pushes = try await PushMessage.query(on: t.db).filter(\.$userID == author.user.id).all()
                .map { try PushOutbox(services: t.services).open($0) }
            let emails = try await EmailMessage.query(on: t.db).filter(\.$userID == author.user.id).all()
                .map { ($0.subject, try EmailOutbox(services: t.services).open($0).body) }
            #expect(pushes.count == 1 && emails.count == 1)
            let relayed = pushes.map { $0.title + " " + $0.body } + emails.map { $0.0 + " " + $0.1 }
            for text in relayed {
                #expect(!text.contains("150"), "\(text)")
                #expect(!text.contains(record.beneficiaryName), "\(text)")
                #expect(!text.contains(company.second.iban), "\(text)")
                #expect(text.contains("a payment was executed"), "\(text)")
            }
            // while the inbox (kept in the country) holds the details
            let inbox = try await t.inbox(author.token, language: "en").items
            #expect(inbox.contains { $0.body.contains("150.00 KZT") && $0.body.contains(record.beneficiaryName) })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPurposeSendingDataAbroad_saysToWhomAndWhere_andItsConsentRecordsIt(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // the register: the push relay abroad is named for the purposes that push
            let purposes = try await t.send(.GET, "/api/v1/privacy/purposes", language: "en").content.decode(PurposeList.self).items
            for purpose in purposes {
                #expect(purpose.crossBorder == (purpose.crossBorderTransfer != nil), "\(purpose.id)")
            }
            let marketing = try #require(purposes.first { $0.id == "marketing" })
            #expect(marketing.crossBorder)
            #expect(marketing.crossBorderTransfer?.countries == ["US"])
            #expect(marketing.crossBorderTransfer?.recipient.contains("APNs") == true)
            #expect(marketing.crossBorderTransfer?.categories.map(\.id) == ["push_token"])
            #expect(purposes.first { $0.id == "email_display" }?.crossBorder == false)
            // the consent records the flag the purpose carries
            let grant = try await t.registerActive()
            try await t.grantMarketing(grant.token)
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "contacts"), token: grant.token)
                .requireStatus(.created)
            let history = try await t.send(.GET, "/api/v1/me/consents", token: grant.token).content.decode(ConsentOverview.self).history
            #expect(history.first { $0.purpose == "marketing" }?.crossBorder == true)
            #expect(history.first { $0.purpose == "contacts" }?.crossBorder == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDisclosureRegister_showsTheStandingFlows_withRecipientCountryCategoriesAndBasis_andTheExportHoldsThem(
        _ database: TestDatabase
    ) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let page = try await t.send(.GET, "/api/v1/me/privacy/disclosures?limit=1", token: grant.token, language: "en")
                .requireStatus(.ok).content.decode(ListPage<DisclosureView>.self)
            let standing = page.items.filter(\.standing)
            // SMS gateway, push relay, e-mail relay, interbank messages, payroll
            #expect(standing.count == 5)
            #expect(page.items.count == 5)  // nothing recorded by staff yet; the standing entries do not count in `limit`
            for entry in standing {
                #expect(entry.basis == "contract" && entry.staffRole == "system", "\(entry.recipientName)")
                #expect(entry.country?.count == 2 && !entry.dataCategories.isEmpty, "\(entry.recipientName)")
            }
            let recipients = standing.map(\.recipientName).joined(separator: " | ")
            for name in ["SMS gateway", "APNs", "E-mail relay", "pacs.008", "payroll"] { #expect(recipients.contains(name), "\(name)") }
            let push = try #require(standing.first { $0.recipientName.contains("APNs") })
            #expect(push.country == "US" && push.dataCategories.map(\.id) == ["push_token"])
            // the export holds them too
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token).content.decode(PersonalDataExport.self)
            #expect(Set(export.disclosures.filter(\.standing).map(\.id)) == Set(standing.map(\.id)))
        }
    }
}
