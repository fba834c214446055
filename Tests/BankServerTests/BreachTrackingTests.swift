import BankAPI
import Fluent
import Foundation
import Testing

@testable import BankServer

/// Issue 14: the breach register tracks each incident to the authority's notification, and a destroyed person
/// neither blocks the recording nor the notice.
@Suite("Breach register: status, overdue, destroyed members, recorded reads (Law 94-V)")
struct BreachTrackingTests {
    private func breach(_ t: TestHarness, userIDs: [UUID]? = nil, companyBin: String? = nil) -> RecordBreachRequest {
        RecordBreachRequest(
            detectedAt: t.clock.now(),
            description: "A statement export link was sent to the wrong e-mail address.",
            dataCategories: ["full_name", "phone"],
            measuresTaken: "The link was revoked.",
            affectedUserIds: userIDs,
            affectedQuery: companyBin.map { BreachSubjectQuery(companyBin: $0) }
        )
    }

    private func list(_ t: TestHarness, _ staff: String) async throws -> [BreachIncidentView] {
        try await t.send(.GET, "/api/v1/staff/privacy/breaches", token: staff).requireStatus(.ok).content.decode(BreachIncidentList.self).items
    }

    @Test(arguments: TestDatabase.all)
    func register_listsEachIncident_withItsStatus_noticesSent_andOverdueUntilTheAuthorityIsNotified(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let staff = try await t.staffToken(.privacyOfficer)
            let bin = try #require(try await Company.find(company.id, on: t.db).map { try t.services.companyIdentity.taxID(of: $0) })
            let recorded = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(t, companyBin: bin), token: staff)
                .requireStatus(.created).content.decode(BreachIncidentView.self)
            #expect(recorded.status == "reported" && recorded.noticesSent == 3 && !recorded.overdue)
            #expect(try await list(t, staff).map(\.id) == [recorded.id])
            // the deadline passes without a notification: overdue
            t.clock.advance(seconds: 5 * 86_400)
            let staffAfter = try await t.staffToken(.privacyOfficer)
            let late = try #require(try await list(t, staffAfter).first)
            #expect(late.overdue && late.status == "reported" && late.authorityNotifiedAt == nil)
            // the officer records the notification: not in the future, not before the detection
            let path = "/api/v1/staff/privacy/breaches/\(recorded.id)/authority-notified"
            let future = try await t.send(
                .POST,
                path,
                json: BreachAuthorityNotified(notifiedAt: t.clock.now().addingTimeInterval(86_400)),
                token: staffAfter
            )
            #expect(try t.problem(future).errors?.map(\.code) == ["in_the_future"])
            let early = try await t.send(
                .POST,
                path,
                json: BreachAuthorityNotified(notifiedAt: recorded.detectedAt.addingTimeInterval(-60)),
                token: staffAfter
            )
            #expect(try t.problem(early).errors?.map(\.code) == ["before_detection"])
            let notifiedAt = t.clock.now().addingTimeInterval(-3600)
            let marked = try await t.send(.POST, path, json: BreachAuthorityNotified(notifiedAt: notifiedAt), token: staffAfter)
                .requireStatus(.ok).content.decode(BreachIncidentView.self)
            #expect(marked.status == "authority_notified" && marked.authorityNotifiedAt == notifiedAt && !marked.overdue)
            #expect(try await list(t, staffAfter).first?.status == "authority_notified")
            #expect(try await t.auditEvents().contains("breach.authority_notified"))
            // only the privacy officer
            let support = try await t.staffToken(.support)
            #expect(try await t.send(.GET, "/api/v1/staff/privacy/breaches", token: support).status == .forbidden)
            #expect(try await t.send(.POST, path, json: BreachAuthorityNotified(notifiedAt: notifiedAt), token: support).status == .forbidden)
            #expect(
                try await t.send(
                    .POST,
                    "/api/v1/staff/privacy/breaches/\(UUID())/authority-notified",
                    json: BreachAuthorityNotified(notifiedAt: notifiedAt),
                    token: staffAfter
                )
                .status == .notFound
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDestroyedMember_isSkipped_whenRecordingByCompany_andInTheNotification(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let staff = try await t.staffToken(.privacyOfficer)
            let bin = try #require(try await Company.find(company.id, on: t.db).map { try t.services.companyIdentity.taxID(of: $0) })
            // an incident recorded before one of its subjects is destroyed
            let everyone = [company.director.user.id, company.accountant.user.id, company.operatorUser.user.id]
            let before = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(t, userIDs: everyone), token: staff)
                .requireStatus(.created).content.decode(BreachIncidentView.self)
            let gone = try #require(try await User.find(company.operatorUser.user.id, on: t.db))
            try await PersonalDataShredder(services: t.services).destroy(gone, on: t.db)
            // recording by the company's BIN: the destroyed member is left out, nothing rolls back
            let smsBefore = try await SMSMessage.query(on: t.db).count()
            let after = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(t, companyBin: bin), token: staff)
            let incident = try after.requireStatus(.created).content.decode(BreachIncidentView.self)
            #expect(incident.affectedCount == 2 && incident.noticesSent == 2)
            #expect(try await SMSMessage.query(on: t.db).count() == smsBefore + 2)
            // the notice for the earlier incident names the two who remain
            for id in [before.id, incident.id] {
                let notice = try await t.send(.GET, "/api/v1/staff/privacy/breaches/\(id)/notification", token: staff)
                    .requireStatus(.ok).content.decode(BreachNotification.self)
                #expect(Set(notice.affectedSubjects.map(\.userId)) == [company.director.user.id, company.accountant.user.id])
            }
            // only destroyed people named: a field error, nothing stored
            let onlyGone = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(t, userIDs: [gone.requireID()]), token: staff)
            #expect(try t.problem(onlyGone).errors?.map(\.code) == ["no_members"])
            #expect(try await BreachIncident.query(on: t.db).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func readingTheNotification_isARecordedStaffRead_theSubjectSeesInTheirExport(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            let staff = try await t.staffToken(.privacyOfficer)
            let incident = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(t, userIDs: [grant.user.id]), token: staff)
                .requireStatus(.created).content.decode(BreachIncidentView.self)
            #expect(try await StaffDataAccess.query(on: t.db).count() == 0)
            try await t.send(.GET, "/api/v1/staff/privacy/breaches/\(incident.id)/notification", token: staff).requireStatus(.ok)
            let reads = try await StaffDataAccess.query(on: t.db).all()
            #expect(reads.map(\.userID) == [grant.user.id])
            #expect(reads.first?.staffRole == "privacy_officer")
            let export = try await t.send(.GET, "/api/v1/me/privacy/export", token: grant.token).requireStatus(.ok).content.decode(
                PersonalDataExport.self
            )
            #expect(export.staffAccesses.contains { $0.staffRole == "privacy_officer" && $0.reason.contains(incident.id.uuidString) })
            #expect(export.breaches.map(\.id) == [incident.id])
        }
    }
}
