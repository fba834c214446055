import BankAPI
import BankCore
import Crypto
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// Law 94-V art. 18, 24 destruction by crypto-shredding that survives backups: person keys live in `person_keys`,
/// apart from the data, every ciphertext names its key, destruction deletes the key, and the master key that wraps
/// the keys rotates (`bizbank keys rotate`).
@Suite("Crypto-shredding that survives backups (art. 18, 24)")
struct CryptoShreddingTests {
    @Test(arguments: TestDatabase.all)
    func aDatabaseCopyTakenBeforeDestruction_cannotBeOpened_onceTheKeyIsGone(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a person with a photo
            let registration = Fixtures.registration()
            let subject = try await t.registerActive(registration)
            try await t.grantCameraConsent(subject.token)
            let photo = try await t.upload(.PUT, "/api/v1/me/photo", SampleFiles.jpeg(), type: "image/jpeg", token: subject.token)
                .requireStatus(.created).content.decode(DocumentView.self)
            // and a copy of the database taken now, as a backup holds it: the user row, the photo's bytes, the key table
            let copiedUser = try #require(try await User.find(subject.user.id, on: t.db))
            let copiedPhoto = try #require(try await DocumentContent.find(photo.id, on: t.db)).sealed
            let copiedKeys = try await PersonKey.query(on: t.db).all()
            let key = try #require(copiedKeys.first { $0.subjectID == subject.user.id })
            // the user row holds no key, and every ciphertext names the key that opens it
            #expect(copiedUser.dataKey.isEmpty)
            for field in [copiedUser.fullName, copiedUser.iin, copiedUser.phone, copiedUser.email, copiedPhoto] {
                #expect(PersonalDataCipher.envelopeKeyID(field) == key.id)
            }
            let photoContext = PersonalDataCipher.Context(table: DocumentContent.schema, column: "sealed", row: photo.id)
            #expect(try await t.services.vault.open(copiedUser, on: t.db).phone.value == registration.person.phone)
            // when: the person is destroyed
            let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: subject.token)
                .content.decode(PrivacyRequestView.self)
            try await t.runCommand(PrivacyCommands(), ["requests", "--complete", request.id.uuidString])
            // then: the key row is gone from the live table, and the copy's ciphertexts cannot be opened against it
            #expect(try await PersonKey.query(on: t.db).filter(\.$subjectID == subject.user.id).count() == 0)
            let rows = try await t.sql.raw("SELECT COUNT(*) AS n FROM person_keys WHERE id = \(bind: try key.requireID())").first()
            #expect(try rows?.decode(column: "n", as: Int.self) == 0)
            await #expect(throws: PersonKeys.KeyDestroyed.self) { try await t.services.vault.open(copiedUser, on: t.db) }
            await #expect(throws: PersonKeys.KeyDestroyed.self) {
                try await t.services.vault.open(copiedPhoto, of: subject.user.id, context: photoContext, on: t.db)
            }
            // a colleague's key is untouched
            #expect(try await PersonKey.query(on: t.db).count() == copiedKeys.count - 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func keysMoveOutOfTheUserRow_andRowsSealedBeforeStillOpen(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a user row in the layout before the key table: the wrapped key beside the data, no key ids
            let cipher = t.services.cipher
            let vault = t.services.vault
            let id = UUID()
            let phone = Fixtures.phone()
            let (key, wrapped) = try cipher.newSubjectKey(for: id)
            func seal(_ value: String, _ column: String) throws -> Data {
                try cipher.seal(value, with: key, context: .init(table: "users", column: column, row: id))
            }
            let old = User()
            old.id = id
            old.dataKey = wrapped
            old.fullName = try seal("Асель Омарова", "full_name")
            let iin = Fixtures.iin()
            old.iin = try seal(iin.value, "iin")
            old.iinIndex = vault.iinIndex(iin)
            old.phone = try seal(phone, "phone")
            old.phoneIndex = vault.phoneIndex(try PhoneNumber(phone))
            old.email = try seal("asel@example.kz", "email")
            old.emailIndex = vault.emailIndex(try EmailAddress("asel@example.kz"))
            old.passwordHash = "x"
            old.status = .active
            old.failedSignIns = 0
            old.acceptedPolicyVersion = 0
            try await old.create(on: t.db)
            // before the fix, a copy of that one row was enough, with the master key, to read the person back
            let copied = try cipher.unwrapSubjectKey(old.dataKey, for: id)
            #expect(try cipher.openString(old.phone, with: copied, context: .init(table: "users", column: "phone", row: id)) == phone)
            // when: the migration runs
            try await MovePersonKeysOutOfUsers().prepare(on: t.db)
            // then: the row holds no key, the key table does, and the old ciphertexts still open through it
            let moved = try #require(try await User.find(id, on: t.db))
            #expect(moved.dataKey.isEmpty)
            #expect(try await PersonKey.query(on: t.db).filter(\.$subjectID == id).first()?.wrapped == wrapped)
            #expect(try await vault.open(moved, on: t.db).phone.value == phone)
            // a correction rewrites the fields in the envelope, with the key id
            var person = try await vault.open(moved, on: t.db)
            person.fullName = "Асель Омарова-Ким"
            try await vault.update(moved, with: person, on: t.db)
            try await moved.save(on: t.db)
            let keyID = try #require(try await PersonKey.query(on: t.db).filter(\.$subjectID == id).first()?.id)
            #expect(PersonalDataCipher.envelopeKeyID(moved.fullName) == keyID)
            #expect(try await vault.open(moved, on: t.db).fullName == "Асель Омарова-Ким")
            // and destroying the person leaves the copy without a key to open it with
            try await PersonalDataShredder(services: t.services).destroy(moved, on: t.db)
            await #expect(throws: PersonKeys.KeyDestroyed.self) { try await vault.open(old, on: t.db) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func keysRotate_rewrapsEveryKey_andTheOldMasterKeyIsNoLongerNeeded(_ database: TestDatabase) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rotate-" + SecureRandom.bytes(6).hexString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = "t_" + SecureRandom.bytes(6).hexString
        let oldMaster = SecureRandom.bytes(32)
        let newMaster = SecureRandom.bytes(32)
        func config(_ master: Data, version: Int, previous: Data?) throws -> AppConfig {
            var config = try testConfig(database, schema: schema)
            if database == .sqlite { config.database = .sqliteFile(path: directory.appendingPathComponent("bank.sqlite").path) }
            config.masterKey = master
            config.masterKeyVersion = version
            config.previousMasterKey = previous
            return config
        }
        let registration = Fixtures.registration()
        var subjectID = UUID()
        var goneID = UUID()
        var before: [UUID: Data] = [:]
        var copiedGoneKey = Data()
        var chained = 0
        // given: under master key version 1, a person, and another who is destroyed after a backup was taken
        try await withApp(config: try config(oldMaster, version: 1, previous: nil), dropSchema: false) { t in
            subjectID = try await t.registerActive(registration).user.id
            let gone = try await t.registerActive()
            goneID = gone.user.id
            copiedGoneKey = try #require(try await PersonKey.query(on: t.db).filter(\.$subjectID == goneID).first()).wrapped
            let request = try await t.send(.POST, "/api/v1/me/privacy/requests", json: SubmitPrivacyRequest(kind: "destroy"), token: gone.token)
                .content.decode(PrivacyRequestView.self)
            try await t.runCommand(PrivacyCommands(), ["requests", "--complete", request.id.uuidString])
            for key in try await PersonKey.query(on: t.db).all() { before[key.subjectID] = key.wrapped }
            chained = try await t.auditEvents().count
            #expect(try await PersonKey.query(on: t.db).all().allSatisfy { $0.masterKeyVersion == 1 })
        }
        // when: version 2 is configured beside version 1, and the keys are rotated
        try await withApp(config: try config(newMaster, version: 2, previous: oldMaster), dropSchema: false) { t in
            try await t.runCommand(KeyCommands(), ["rotate"])
            let keys = try await PersonKey.query(on: t.db).all()
            #expect(!keys.isEmpty && keys.allSatisfy { $0.masterKeyVersion == 2 })
            #expect(keys.allSatisfy { before[$0.subjectID] != nil && before[$0.subjectID] != $0.wrapped })
            #expect(try await SystemKeyRecord.find(KeyRingStore.ringID, on: t.db)?.masterKeyVersion == 2)
        }
        // then: with version 2 alone, every person still opens, blind indexes still find them, and they sign in
        try await withApp(config: try config(newMaster, version: 2, previous: nil), dropSchema: true) { t in
            let user = try #require(try await User.find(subjectID, on: t.db))
            #expect(try await t.services.vault.open(user, on: t.db).phone.value == registration.person.phone)
            let found = try await User.query(on: t.db).filter(\.$phoneIndex == t.services.vault.phoneIndex(.init(registration.person.phone))).count()
            #expect(found == 1)
            _ = try await t.signIn(registration)
            // the audit chain and anchors made under version 1 verify with the same (stored) audit keys
            #expect(chained > 0)
            #expect(try await t.verifyAudit() == .intact(count: chained))
            // and the destroyed person's key, taken from a backup of the key table, opens under neither version
            #expect(throws: PersonalDataCipher.CipherError.self) {
                try t.services.cipher.unwrapSubjectKey(copiedGoneKey, for: goneID, masterKeyVersion: 1)
            }
            #expect(throws: (any Error).self) { try t.services.cipher.unwrapSubjectKey(copiedGoneKey, for: goneID, masterKeyVersion: 2) }
        }
    }
}
