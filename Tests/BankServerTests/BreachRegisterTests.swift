import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Breach register (Law 94-V: notification within 1 working day)")
struct BreachRegisterTests {
    /// A company of three people with distinct names; returns their registrations and grants.
    private func companyOfThree(_ t: TestHarness) async throws -> (bin: String, people: [(RegistrationRequest, SessionGrant)]) {
        var people: [(RegistrationRequest, SessionGrant)] = []
        for name in ["Асель Оспанова", "Дәурен Қасымов", "Мария Ким"] {
            var registration = Fixtures.registration()
            registration.person.fullName = name
            people.append((registration, try await t.registerActive(registration)))
        }
        let companyID = people[0].1.user.companies[0].id
        for (_, grant) in people.dropFirst() {
            try await Membership(userID: grant.user.id, companyID: companyID, role: .viewer).create(on: t.db)
        }
        return (people[0].0.company.bin, people)
    }

    private func breach(detectedAt: Date, userIDs: [UUID]? = nil, companyBin: String? = nil) -> RecordBreachRequest {
        RecordBreachRequest(
            detectedAt: detectedAt,
            description: "A statement export link was sent to the wrong e-mail address.",
            dataCategories: ["full_name", "iin", "phone"],
            measuresTaken: "The link was revoked; the recipient confirmed deletion.",
            affectedUserIds: userIDs,
            affectedQuery: companyBin.map { BreachSubjectQuery(companyBin: $0) }
        )
    }

    @Test(arguments: TestDatabase.all)
    func breachByCompany_notifiesEveryMember_andIsDueAfterTheWeekend(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: three members, an outsider, and detection on a Friday evening in Almaty
            let (bin, people) = try await companyOfThree(t)
            let outsider = Fixtures.registration()
            try await t.registerActive(outsider)
            t.clock.advance(seconds: 4 * 86_400)  // the clock starts on Monday 2026-09-21, 19:13 Almaty
            let staff = try await t.staffToken(.privacyOfficer)

            // when
            let response = try await t.send(
                .POST,
                "/api/v1/staff/privacy/breaches",
                json: breach(detectedAt: t.clock.now(), companyBin: bin),
                token: staff
            )

            // then: due at the end of Monday in Almaty (UTC+5), not on Saturday
            #expect(response.status == .created)
            let incident = try response.content.decode(BreachIncidentView.self)
            #expect(incident.affectedCount == 3)
            #expect(incident.notificationDueAt == ISO8601DateFormatter().date(from: "2026-09-28T18:59:59Z"))
            #expect(incident.dataCategories.map(\.id) == ["full_name", "iin", "phone"])
            let notice = t.services.localizer.text("sms.breach_notice", .kk)
            for (registration, _) in people {
                #expect(try await t.messages(to: registration.person.phone).filter { $0 == notice }.count == 1)
            }
            #expect(try await !t.messages(to: outsider.person.phone).contains(notice))
            #expect(try await BreachAffectedSubject.query(on: t.db).count() == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func notification_namesEverySubject_andTheResponsiblePerson_andIsAudited(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let (_, people) = try await companyOfThree(t)
            let staff = try await t.staffToken(.privacyOfficer)
            let ids = people.map(\.1.user.id)
            let created = try await t.send(
                .POST,
                "/api/v1/staff/privacy/breaches",
                json: breach(detectedAt: t.clock.now(), userIDs: ids),
                token: staff
            )
            let incident = try created.requireStatus(.created).content.decode(BreachIncidentView.self)
            let path = "/api/v1/staff/privacy/breaches/\(incident.id)/notification"

            // when
            let json = try await t.send(.GET, path, token: staff).content.decode(BreachNotification.self)
            let html = try await t.send(.GET, path + "?format=html", token: staff, language: "ru")

            // then
            let dpo = t.services.config.responsiblePerson
            #expect(json.responsiblePerson == .init(name: dpo.name, phone: dpo.phone, email: dpo.email))
            #expect(json.incident.measuresTaken == "The link was revoked; the recipient confirmed deletion.")
            #expect(json.operatorBin == t.services.config.operatorBIN)
            #expect(html.headers.contentType == .html)
            #expect(html.body.string.contains("Ответственное лицо"))
            for text in [dpo.name, dpo.phone, dpo.email, "The link was revoked"] { #expect(html.body.string.contains(HTMLText.escape(text))) }
            for (registration, grant) in people {
                let subject = BreachNotification.Subject(
                    userId: grant.user.id,
                    fullName: registration.person.fullName,
                    iin: registration.person.iin,
                    phone: registration.person.phone
                )
                #expect(json.affectedSubjects.contains(subject))
                for value in [subject.fullName, subject.iin, subject.phone] { #expect(html.body.string.contains(value)) }
            }
            // each opening of the subjects' data is a staff read of personal data, per subject
            #expect(try await t.auditEvents().filter { $0 == "staff.read_personal_data" }.count == 6)
            #expect(try await t.send(.GET, path, token: try await t.staffToken(.support)).status == .forbidden)
            #expect(try await t.send(.GET, "/api/v1/staff/privacy/breaches/\(UUID())/notification", token: staff).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func breachWithoutAffectedSubjects_isAValidationError_andStoresNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given
            let staff = try await t.staffToken(.privacyOfficer)
            let grant = try await t.registerActive()
            let smsBefore = try await SMSMessage.query(on: t.db).count()
            let now = t.clock.now()

            // when
            let none = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(detectedAt: now), token: staff)
            let empty = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: breach(detectedAt: now, userIDs: []), token: staff)
            let unknownCompany = breach(detectedAt: now, companyBin: Fixtures.bin().value)
            let noCompany = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: unknownCompany, token: staff)
            var bad = breach(detectedAt: now.addingTimeInterval(3600), userIDs: [grant.user.id, UUID()])
            bad.dataCategories = []
            bad.measuresTaken = " "
            let several = try await t.send(.POST, "/api/v1/staff/privacy/breaches", json: bad, token: staff)

            // then
            #expect(none.status == .unprocessableEntity)
            #expect(try t.problem(none).errors?.map(\.field) == ["affectedUserIds"])
            #expect(try t.problem(empty).errors?.map(\.code) == ["required"])
            #expect(try t.problem(noCompany).errors?.map(\.code) == ["unknown_company"])
            let fields = try t.problem(several).errors ?? []
            #expect(Set(fields.map(\.field)) == ["detectedAt", "dataCategories", "measuresTaken", "affectedUserIds[1]"])
            #expect(try await BreachIncident.query(on: t.db).count() == 0)
            #expect(try await BreachAffectedSubject.query(on: t.db).count() == 0)
            #expect(try await SMSMessage.query(on: t.db).count() == smsBefore)
        }
    }

    @Test
    func responsiblePerson_isRequiredInProduction_andHasDevelopmentDefaults() throws {
        let error = try #require(throws: ConfigError.self) {
            try AppConfig.load(environment: ["BIZBANK_DPO_EMAIL": "not-an-address"], isProduction: true)
        }
        for name in ["BIZBANK_DPO_NAME", "BIZBANK_DPO_PHONE", "BIZBANK_DPO_EMAIL must be an e-mail address"] {
            #expect(error.description.contains(name), "missing \(name)")
        }
        let development = try AppConfig.load(environment: [:], isProduction: false, isTesting: true).responsiblePerson
        #expect(!development.name.isEmpty && !development.phone.isEmpty && development.email.contains("@"))
    }
}
