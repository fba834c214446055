import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// §4.1: the IIN and the company's name are corrected through a request the privacy officer reviews: validated when
/// made (nothing stored on error), the new value sealed, written only when the officer completes it (the IIN sealed
/// with its blind index), audited, and the person told; a refusal changes nothing.
@Suite("Correction of the IIN and the company's name (§4.1)")
struct IdentityCorrectionTests {
    static func correction(_ field: String?, _ value: String?, companyId: UUID? = nil) -> SubmitPrivacyRequest {
        SubmitPrivacyRequest(kind: "correction", field: field, companyId: companyId, value: value)
    }

    @Test(arguments: TestDatabase.all)
    func badCorrections_getPerFieldErrors_andStoreNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let company = try await t.paymentCompany()
            let grant = try await t.registerActive(registration)
            let valid = Fixtures.iin().value
            let wrongCheckDigit = String(valid.dropLast()) + String((Int(String(valid.last!))! + 1) % 10)
            let cases: [(SubmitPrivacyRequest, [String], [String])] = [
                (Self.correction(nil, valid), ["field"], ["required"]),
                (Self.correction("passport", valid), ["field"], ["invalid_value"]),
                (Self.correction("iin", wrongCheckDigit), ["value"], ["invalid_checksum"]),
                (Self.correction("iin", "12345"), ["value"], ["wrong_length"]),
                (Self.correction("iin", registration.person.iin), ["value"], ["unchanged"]),
                (Self.correction("iin", valid, companyId: company.id), ["companyId"], ["not_allowed"]),
                // a company the caller does not direct, and one that does not exist: the same answer
                (Self.correction("companyName", "ТОО Жаңа", companyId: company.id), ["companyId"], ["not_director"]),
                (Self.correction("companyName", "ТОО Жаңа", companyId: UUID()), ["companyId"], ["not_director"]),
                (Self.correction("companyName", "ТОО Жаңа"), ["companyId"], ["required"]),
                (Self.correction("companyName", "Call 8 701 555 1234", companyId: grant.user.companies[0].id), ["value"], ["invalid_characters"]),
            ]
            for (body, fields, codes) in cases {
                let response = try await t.send(.POST, "/api/v1/me/privacy/requests", json: body, token: grant.token)
                #expect(response.status == .unprocessableEntity, "\(body)")
                let problem = try t.problem(response)
                #expect(problem.errors?.map(\.field) == fields, "\(body)")
                #expect(problem.errors?.map(\.code) == codes, "\(body)")
            }
            // an accountant is not a director of the company
            let accountant = try await t.send(
                .POST,
                "/api/v1/me/privacy/requests",
                json: Self.correction("companyName", "ТОО Жаңа", companyId: company.id),
                token: company.accountant.token
            )
            #expect(try t.problem(accountant).errors?.map(\.code) == ["not_director"])
            // a correction's fields on another kind
            let stray = try await t.send(
                .POST,
                "/api/v1/me/privacy/requests",
                json: SubmitPrivacyRequest(kind: "block", value: "x"),
                token: grant.token
            )
            #expect(try t.problem(stray).errors?.map(\.field) == ["value"])
            #expect(try await PrivacyRequest.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func iinCorrection_isSealed_reviewed_andOnCompletionChangesTheSealedIINAndItsIndex(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let newIIN = Fixtures.iin().value
            let submitted = try await t.send(.POST, "/api/v1/me/privacy/requests", json: Self.correction("iin", " \(newIIN) "), token: grant.token)
            let request = try submitted.requireStatus(.created).content.decode(PrivacyRequestView.self)
            #expect(request.kind == "correction" && request.field == "iin")
            #expect(request.newValue == nil)  // not echoed to the app
            // sealed at rest
            let stored = try #require(try await PrivacyRequest.find(request.id, on: t.db))
            let sealed = try #require(stored.newValue)
            #expect(!Array(sealed).containsText(newIIN))
            // nothing changes until the officer completes it
            let before = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(before.iinIndex == t.services.vault.iinIndex(try IIN(registration.person.iin)))
            // the officer sees the new value, and that look is a recorded read
            let officer = try await t.staffToken(.privacyOfficer)
            let queue = try await t.send(.GET, "/api/v1/staff/privacy/requests?status=received", token: officer).requireStatus(.ok)
                .content.decode(PrivacyRequestList.self)
            #expect(queue.items.first { $0.id == request.id }?.newValue == newIIN)
            #expect(try await StaffDataAccess.query(on: t.db).filter(\.$userID == grant.user.id).count() == 1)
            try await t.send(.POST, "/api/v1/staff/privacy/requests/\(request.id)/complete", token: officer).requireStatus(.ok)
            let after = try #require(try await User.find(grant.user.id, on: t.db))
            #expect(after.iinIndex == t.services.vault.iinIndex(try IIN(newIIN)))
            #expect(try await t.services.vault.open(after, on: t.db).iin.value == newIIN)
            #expect(!Array(after.iin).containsText(newIIN))
            #expect(try await t.auditEvents().contains("profile.iin_changed"))
            let audit = try await AuditEntry.query(on: t.db).filter(\.$event == "profile.iin_changed").all()
            #expect(audit.count == 1 && !audit[0].details.contains(newIIN) && !audit[0].details.contains(registration.person.iin))
            let notice = t.services.localizer.text(
                "notification.privacy_request_completed",
                .kk,
                ["kind": t.services.localizer.text("privacy.request_kind.correction", .kk)]
            )
            #expect(try await t.messages(to: registration.person.phone).last == notice)
        }
    }

    @Test(arguments: TestDatabase.all)
    func companyNameCorrection_refusedChangesNothing_completedRenamesTheCompany(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            let grant = try await t.registerActive(registration)
            let companyID = grant.user.companies[0].id
            let originalName = try #require(try await Company.find(companyID, on: t.db)).name
            let officer = try await t.staffToken(.privacyOfficer)
            let first = try await t.send(
                .POST,
                "/api/v1/me/privacy/requests",
                json: Self.correction("companyName", "ТОО Жаңа Дала", companyId: companyID),
                token: grant.token
            ).requireStatus(.created).content.decode(PrivacyRequestView.self)
            #expect(first.companyId == companyID)
            try await t.send(
                .POST,
                "/api/v1/staff/privacy/requests/\(first.id)/refuse",
                json: RefusePrivacyRequest(reason: "The registry shows the old name"),
                token: officer
            )
            .requireStatus(.ok)
            #expect(try await Company.find(companyID, on: t.db)?.name == originalName)
            let refused = t.services.localizer.text(
                "notification.privacy_request_refused",
                .kk,
                ["kind": t.services.localizer.text("privacy.request_kind.correction", .kk)]
            )
            #expect(try await t.messages(to: registration.person.phone).last == refused)
            let second = try await t.send(
                .POST,
                "/api/v1/me/privacy/requests",
                json: Self.correction("companyName", "ТОО Жаңа Дала", companyId: companyID),
                token: grant.token
            ).requireStatus(.created).content.decode(PrivacyRequestView.self)
            #expect(second.id != first.id)
            try await t.send(.POST, "/api/v1/staff/privacy/requests/\(second.id)/complete", token: officer).requireStatus(.ok)
            #expect(try await Company.find(companyID, on: t.db)?.name == "ТОО Жаңа Дала")
            #expect(try await t.auditEvents().contains("company.name_changed"))
        }
    }
}
