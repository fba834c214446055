import BankAPI
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10: individual entrepreneurs (ИП) onboard by their own IIN, which is stored only sealed and as a blind
/// index; a client registers another company of their own while signed in.
@Suite("Sole proprietors and more companies")
struct SoleProprietorTests {
    @Test(arguments: TestDatabase.all)
    func aSoleProprietor_registersByTheirOwnIIN_neverStoredInClear(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            var registration = Fixtures.registration()
            registration.company = .init(name: "ИП Оспанова", bin: registration.person.iin, kind: "sole_proprietor")
            let grant = try await t.registerActive(registration)
            let company = try #require(grant.user.companies.first)
            #expect(company.kind == "sole_proprietor" && company.bin == registration.person.iin && company.role == "director")
            let stored = try #require(try await Company.find(company.id, on: t.db))
            #expect(!stored.bin.contains(registration.person.iin))
            #expect(!(stored.taxIDSealed.map { String(decoding: $0, as: UTF8.self) } ?? "").contains(registration.person.iin))
            #expect(try t.services.companyIdentity.taxID(of: stored) == registration.person.iin)
            // someone else's IIN is not yours to register as a sole proprietor; a BIN is not an IIN
            var other = Fixtures.registration()
            other.company = .init(name: "ИП Чужой", bin: Fixtures.iin().value, kind: "sole_proprietor")
            let refused = try await t.send(.POST, "/api/v1/registrations", json: other)
            #expect(try t.problem(refused).errors?.map(\.code) == ["not_your_iin"])
            other.company = .init(name: "ИП", bin: other.person.iin, kind: "partnership")
            #expect(try t.problem(try await t.send(.POST, "/api/v1/registrations", json: other)).errors?.map(\.field) == ["company.kind"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aClient_registersAnotherCompany_andTheirOwnSoleProprietorship_whileSignedIn(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let second = RegistrationRequest.CompanyPart(name: "ТОО Второе", bin: Fixtures.bin().value)
            let first = try await t.send(.POST, "/api/v1/me/companies", json: second, token: grant.token)
            #expect(first.status == .accepted)  // a code to the client's own phone first
            #expect(try await Company.query(on: t.db).count() == 1)
            let created = try await t.sendConfirmed(.POST, "/api/v1/me/companies", json: second, token: grant.token)
                .requireStatus(.created).content.decode(CompanyMembershipView.self)
            #expect(created.role == "director" && created.bin == second.bin && created.kind == "legal_entity")
            let own = RegistrationRequest.CompanyPart(name: "ИП Оспанова", bin: registration.person.iin, kind: "sole_proprietor")
            try await t.sendConfirmed(.POST, "/api/v1/me/companies", json: own, token: grant.token).requireStatus(.created)
            let me = try await t.send(.GET, "/api/v1/me", token: grant.token).content.decode(UserProfile.self)
            #expect(Set(me.companies.map(\.kind)) == ["legal_entity", "sole_proprietor"] && me.companies.count == 3)
            // the new company signs alone: the director is its only person
            let stored = try #require(try await Company.find(created.id, on: t.db))
            #expect(stored.authorMaySignAlone)
            // taken numbers and someone else's IIN are refused before any code is sent
            let codes = try await t.messages(to: registration.person.phone).count
            #expect(
                try t.problem(try await t.send(.POST, "/api/v1/me/companies", json: second, token: grant.token)).code == "company_already_registered"
            )
            let stranger = RegistrationRequest.CompanyPart(name: "ИП Чужой", bin: Fixtures.iin().value, kind: "sole_proprietor")
            #expect(
                try t.problem(try await t.send(.POST, "/api/v1/me/companies", json: stranger, token: grant.token)).errors?.map(\.code) == [
                    "not_your_iin"
                ]
            )
            #expect(try await t.messages(to: registration.person.phone).count == codes)
            #expect(try await t.auditEvents().filter { $0 == "company.registered" }.count == 2)
        }
    }
}
