import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

@Suite("Saved beneficiaries and payment templates (§2.3.2)")
struct BeneficiaryTests {
    @Test(arguments: TestDatabase.all)
    func beneficiary_isCreatedFromAPayment_editedAndDeleted(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "5"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let saved = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/beneficiary",
                json: SaveFromPaymentRequest(name: "Алтын Дала"),
                token: company.operatorUser.token
            ).requireStatus(.created).content.decode(BeneficiaryView.self)
            #expect(saved.iban == company.second.iban)
            #expect(saved.taxId == draft.beneficiaryTaxId)
            var edited = saved
            edited.name = "Алтын Дала ЖШС"
            let id = try #require(saved.id)
            try await t.send(.PUT, "/api/v1/beneficiaries/\(id)", json: edited, token: company.director.token).requireStatus(.ok)
            let listed = try await t.send(.GET, "/api/v1/companies/\(company.id)/beneficiaries", token: company.accountant.token)
                .content.decode(ListPage<BeneficiaryView>.self)
            #expect(listed.items.map(\.name) == ["Алтын Дала ЖШС"])
            try await t.send(.DELETE, "/api/v1/beneficiaries/\(id)", token: company.director.token).requireStatus(.noContent)
            #expect(try await SavedBeneficiary.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func beneficiary_withInvalidDetails_isRejectedPerField(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let bad = BeneficiaryView(name: "", taxId: "1", iban: "KZ00", bic: "X", kbe: "99")
            let response = try await t.send(.POST, "/api/v1/companies/\(company.id)/beneficiaries", json: bad, token: company.director.token)
            #expect(Set(try t.problem(response).errors?.map(\.field) ?? []) == ["name", "taxId", "iban", "bic", "kbe"])
            #expect(try await SavedBeneficiary.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func template_isCreatedFromAPayment_andReusedForANewOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let draft = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/payments",
                json: t.order(from: company.main, to: company.second, amount: "123.45"),
                token: company.operatorUser.token
            ).content.decode(PaymentOrderView.self)
            let template = try await t.send(
                .POST,
                "/api/v1/payments/\(draft.id)/template",
                json: SaveFromPaymentRequest(name: "Аренда"),
                token: company.operatorUser.token
            ).requireStatus(.created).content.decode(TemplateView.self)
            #expect(template.order.amount == "123.45")
            // reuse: the app fills number and date and submits the template's order
            var order = template.order
            order.number = "18"
            let reused = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: order, token: company.operatorUser.token)
            #expect(try reused.requireStatus(.created).content.decode(PaymentOrderView.self).amount == Money(minorUnits: 123_45, currency: .kzt))
            var invalid = template
            invalid.order.knp = "000"
            let refused = try await t.send(.PUT, "/api/v1/templates/\(try #require(template.id))", json: invalid, token: company.director.token)
            #expect(try t.problem(refused).errors?.map(\.field) == ["order.knp"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherCompany_cannotReadOrChangeSavedItems(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let stranger = try await t.paymentCompany()
            let saved = try await t.send(
                .POST,
                "/api/v1/companies/\(company.id)/beneficiaries",
                json: BeneficiaryView(name: "X", taxId: Fixtures.bin().value, iban: company.second.iban, bic: t.services.config.bankBIC, kbe: "17"),
                token: company.director.token
            ).requireStatus(.created).content.decode(BeneficiaryView.self)
            let id = try #require(saved.id)
            #expect(try await t.send(.GET, "/api/v1/companies/\(company.id)/beneficiaries", token: stranger.director.token).status == .notFound)
            #expect(try await t.send(.DELETE, "/api/v1/beneficiaries/\(id)", token: stranger.director.token).status == .notFound)
            #expect(try await t.send(.PUT, "/api/v1/beneficiaries/\(id)", json: saved, token: stranger.director.token).status == .notFound)
            #expect(try await SavedBeneficiary.query(on: t.db).count() == 1)
        }
    }
}
