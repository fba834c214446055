import BankAPI
import BankCore
import Fluent
import Foundation
import Testing

@testable import BankServer

@Suite("Branches: staff API, CSV import, demo data (§2.3.1)")
struct BranchStaffTests {
    @Test(arguments: TestDatabase.all)
    func staffAPI_isForSupportAndThePrivacyOfficer_notFraud_andNotAClientToken(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let input = BranchFixtures.input(code: "ala-010", latitude: 43.2389, longitude: 76.8897)
            // a client's session token is not a staff token; fraud staff have no business here
            let client = try await t.registerActive()
            #expect(try await t.send(.POST, "/api/v1/staff/branches", json: input, token: client.token).status == .unauthorized)
            let fraud = try await t.staffToken(.fraud)
            #expect(try t.problem(try await t.send(.POST, "/api/v1/staff/branches", json: input, token: fraud)).code == "forbidden")
            #expect(try await Branch.query(on: t.db).count() == 0)
            // support creates; the code is normalised and unique
            let support = try await t.staffToken(.support)
            let created = try await t.send(.POST, "/api/v1/staff/branches", json: input, token: support)
            #expect(created.status == .created)
            let record = try created.content.decode(BranchRecord.self)
            #expect(record.code == "ALA-010")
            #expect(record.name.ru == "Филиал ala-010")
            let again = try await t.send(.POST, "/api/v1/staff/branches", json: input, token: support)
            #expect(again.status == .conflict)
            #expect(try t.problem(again).code == "branch_code_taken")
            // the privacy officer edits; the public view follows
            let officer = try await t.staffToken(.privacyOfficer)
            var changed = input
            changed.openingHours.sat = "10:00-14:00"
            changed.services = ["cash_out", "business_desk"]
            let updated = try await t.send(.PUT, "/api/v1/staff/branches/\(record.id)", json: changed, token: officer)
            #expect(updated.status == .ok)
            let view = try await t.send(.GET, "/api/v1/branches/\(record.id)", language: "en").content.decode(BranchView.self)
            #expect(view.openingHours.sat == "10:00-14:00")
            #expect(view.services == ["cash_out", "business_desk"])
            #expect(view.name == "ala-010 branch")
            #expect(view.distanceMetres == nil)
            // fraud cannot delete; support can, once
            #expect(try await t.send(.DELETE, "/api/v1/staff/branches/\(record.id)", token: fraud).status == .forbidden)
            #expect(try await t.send(.DELETE, "/api/v1/staff/branches/\(record.id)", token: support).status == .noContent)
            #expect(try await t.send(.DELETE, "/api/v1/staff/branches/\(record.id)", token: support).status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/branches/\(record.id)").status == .notFound)
            let events = try await t.auditEvents()
            #expect(["branch.created", "branch.updated", "branch.deleted"].allSatisfy(events.contains))
        }
    }

    @Test(arguments: TestDatabase.all)
    func staffAPI_badInput_namesEveryField_andStoresNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let support = try await t.staffToken(.support)
            var input = BranchFixtures.input(code: "bad code!", kind: "kiosk", latitude: 91, longitude: -181)
            input.name = LocalizedName(kk: " ", ru: input.name.ru, en: input.name.en)
            input.openingHours.mon = "9-18"
            input.openingHours.sun = "18:00-09:00"
            input.services = ["cash_in", "crypto"]
            input.accessibility = ["lift"]
            let response = try await t.send(.POST, "/api/v1/staff/branches", json: input, token: support)
            #expect(response.status == .unprocessableEntity)
            let errors = try t.problem(response).errors ?? []
            #expect(
                errors.map { "\($0.field):\($0.code)" } == [
                    "code:invalid_format", "kind:invalid_value", "name.kk:required", "latitude:out_of_range", "longitude:out_of_range",
                    "openingHours.mon:invalid_hours", "openingHours.sun:invalid_hours", "services:unknown_service",
                    "accessibility:unknown_accessibility",
                ]
            )
            #expect(try await Branch.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func csvImport_withABadLine_importsNothing_andNamesTheLine(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: the bundled demo file with line 4's latitude and line 10's Wednesday broken
            var lines = try DemoBranches.bundledCSV().split(separator: "\n").map(String.init)
            lines[3] = lines[3].replacingOccurrences(of: ";43.255630;", with: ";143.255630;")
            lines[9] = lines[9].replacingOccurrences(of: ";09:00-18:00;09:00-18:00;09:00-18:00;", with: ";09:00-18:00;09:00-18:00;9-6;")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("branches-\(UUID()).csv").path
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            // when
            var failure: CommandFailure?
            do { try await t.runCommand(BranchCommands(), ["import", path]) } catch let error as CommandFailure { failure = error }
            // then: both lines named, nothing imported
            let message = try #require(failure?.message)
            #expect(message.contains("line[4].latitude: out_of_range"))
            #expect(message.contains("line[10].wed: invalid_hours"))
            #expect(message.contains("nothing imported"))
            #expect(try await Branch.query(on: t.db).count() == 0)
            // a header without a required column, and a code twice
            let header =
                "code;kind;name_kk;name_ru;name_en;address_kk;address_ru;address_en;latitude;mon;tue;wed;thu;fri;sat;sun;services;accessibility"
            #expect(throws: BankError.self) { try BranchCSV.parse(header, bankName: "Bank").get() }
            if case .failure(let error) = BranchCSV.parse(header, bankName: "Bank") {
                #expect(error.fields.map(\.field) == ["line[1].longitude"])
            }
            let twice = ([lines[0], lines[1], lines[1]]).joined(separator: "\n")
            if case .failure(let error) = BranchCSV.parse(twice, bankName: "Bank") {
                #expect(error.fields.map { "\($0.field):\($0.code)" } == ["line[3].code:duplicate"])
            } else {
                Issue.record("a repeated code was accepted")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func csvImport_upsertsByCode(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("branches-\(UUID()).csv").path
            try DemoBranches.bundledCSV().write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await t.runCommand(BranchCommands(), ["import", path])
            let first = try await Branch.query(on: t.db).all()
            #expect(first.count == 14)
            // a second import with one changed line updates in place, by code
            let edited = try DemoBranches.bundledCSV().replacingOccurrences(of: ";10:00-15:00;closed;", with: ";closed;closed;")
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            try await t.runCommand(BranchCommands(), ["import", path])
            let second = try await Branch.query(on: t.db).all()
            #expect(Set(second.map(\.id)) == Set(first.map(\.id)))
            #expect(second.first { $0.code == "ALA-001" }?.parsedHours.wire.sat == "closed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoData_seedsAlmatyAndAstanaOnce_underTheConfiguredBanksName(_ database: TestDatabase) async throws {
        try await withApp(database, adjust: .set { $0.operatorName = "«Test Steppe Bank» АҚ" }) { t in
            try await DemoSeeder(services: t.services).seedIfEmpty(on: t.db, announce: { _ in })
            try await DemoSeeder(services: t.services).seedIfEmpty(on: t.db, announce: { _ in })
            let branches = try await Branch.query(on: t.db).all()
            #expect(branches.count == 14)
            #expect(branches.allSatisfy { $0.nameEn.contains("«Test Steppe Bank» АҚ") && !$0.nameKk.contains("{bank}") })
            #expect(Set(branches.map { $0.code.prefix(3) }) == ["ALA", "AST"])
            // near Abay Ave in Almaty, and near Khan Shatyr in Astana
            #expect(try await t.nearby("lat=43.2403&lon=76.9548").items.first?.code == "ALA-001")
            let astana = try await t.nearby("lat=51.1324&lon=71.4036&kind=atm", language: "ru")
            #expect(astana.items.first?.code == "AST-A01")
            #expect(astana.items.first?.address == "г. Астана, пр. Туран, 37")
        }
    }

    @Test
    func newCodes_areLocalised_inEveryLanguage() throws {
        let localizer = try Localizer.bundled()
        let keys =
            ["problem.branch_code_taken"]
            + ["out_of_range", "invalid_hours", "unknown_service", "unknown_accessibility", "duplicate"].map { "field.\($0)" }
        for key in keys {
            let texts = Language.allCases.map { localizer.text(key, $0) }
            #expect(texts.allSatisfy { $0 != key && !$0.isEmpty }, "\(key) is not localised")
            #expect(Set(texts).count == 3, "\(key) is not translated into every language")
        }
    }
}
