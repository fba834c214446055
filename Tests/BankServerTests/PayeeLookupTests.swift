import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Payee lookup by phone (§2.3.4)")
struct PayeeLookupTests {
    @Test(arguments: TestDatabase.all)
    func withoutTheContactsConsent_isRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let response = try await t.send(.POST, "/api/v1/payees/lookup", json: PayeeLookupRequest(phone: Fixtures.phone()), token: grant.token)
            #expect(response.status == .forbidden)
            let problem = try t.problem(response)
            #expect(problem.code == "consent_required")
            #expect(problem.purpose == "contacts")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aClient_getsWhatCanBePaid_andTheMaskedNameOnlyIfThePayeeOptedInToBeingFound(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let payee = Fixtures.registration(phone: "+7701" + Fixtures.digits(7))
            let payeeGrant = try await t.registerActive(payee)
            let grant = try await t.registerActive()
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "contacts"), token: grant.token).requireStatus(.created)
            let lookup = { () async throws -> PayeeLookupResult in
                try await t.send(.POST, "/api/v1/payees/lookup", json: PayeeLookupRequest(phone: payee.person.phone), token: grant.token)
                    .requireStatus(.ok).content.decode(PayeeLookupResult.self)
            }
            // §2.3.4: without the payee's consent the caller learns only that a transfer can be made
            let unnamed = try await lookup()
            #expect(unnamed.isClient && unnamed.canPay == ["mobile_top_up", "transfer"])
            #expect(unnamed.nameMasked == nil)
            // once the payee opts in to being found, the masked name is shown; after withdrawal it is not
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "findable_by_phone"), token: payeeGrant.token)
                .requireStatus(.created)
            let found = try await lookup()
            #expect(found.isClient)
            #expect(found.nameMasked == "Асель О.")
            #expect(found.mobileOperator == "Kcell / activ")
            #expect(found.canPay == ["mobile_top_up", "transfer"])
            #expect(!found.phoneMasked.contains(String(payee.person.phone.suffix(7))))
            try await t.send(.DELETE, "/api/v1/me/consents/findable_by_phone", token: payeeGrant.token).requireStatus(.ok)
            #expect(try await lookup().nameMasked == nil)
            let stranger = try await t.send(
                .POST,
                "/api/v1/payees/lookup",
                json: PayeeLookupRequest(phone: "+7705" + Fixtures.digits(7)),
                token: grant.token
            ).content.decode(PayeeLookupResult.self)
            #expect(!stranger.isClient && stranger.nameMasked == nil)
            #expect(stranger.canPay == ["mobile_top_up"])
            let bad = try await t.send(.POST, "/api/v1/payees/lookup", json: PayeeLookupRequest(phone: "12"), token: grant.token)
            #expect(try t.problem(bad).errors?.first?.field == "phone")
            // audited, without the number
            let events = try await t.auditEvents()
            #expect(events.filter { $0 == "payee.looked_up" }.count == 4)
            let details = try await AuditEntry.query(on: t.db).filter(\.$event == "payee.looked_up").all().map(\.details)
            #expect(details.allSatisfy { !$0.contains(String(payee.person.phone.suffix(7))) })
        }
    }

    @Test(arguments: TestDatabase.all)
    func lookups_areRateLimitedPerUser_soTheClientListCannotBeEnumerated(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.send(.POST, "/api/v1/me/consents", json: GrantConsentRequest(purpose: "contacts"), token: grant.token).requireStatus(.created)
            for _ in 0..<10 {
                try await t.send(.POST, "/api/v1/payees/lookup", json: PayeeLookupRequest(phone: Fixtures.phone()), token: grant.token)
                    .requireStatus(.ok)
            }
            let limited = try await t.send(.POST, "/api/v1/payees/lookup", json: PayeeLookupRequest(phone: Fixtures.phone()), token: grant.token)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: "Retry-After") != nil)
        }
    }
}
