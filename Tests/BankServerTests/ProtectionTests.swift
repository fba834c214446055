import BankAPI
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

@Suite("Protection every feature relies on (§1.1, §5.1)")
struct ProtectionTests {
    /// Reads every column of every table raw and looks for the plaintext values.
    @Test(arguments: TestDatabase.all)
    func personalData_atRest_holdsNoPlaintextPhoneIINOrEmail(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a registered person who signed in on a second device (so SMS, OTP and audit rows exist)
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: registration.person.phone, password: Fixtures.password, device: Fixtures.device())
            ).requireStatus(.accepted)
            let secrets = [
                registration.person.phone, String(registration.person.phone.dropFirst(2)), registration.person.iin, registration.person.email,
                "Асель Маратқызы",
            ]
            // when
            // every table of the schema, enumerated (issue 14; `PrivacyInventoryTests` scans it after every feature)
            let scan = try await t.expectNoPlaintextAtRest(secrets)
            // then: the check really read the data
            #expect(scan.cellsRead > 100)
            let user = try #require(try await User.query(on: t.db).first())
            #expect(try await t.services.vault.open(user, on: t.db).phone.value == registration.person.phone)
        }
    }

    @Test(arguments: TestDatabase.all)
    func accessLog_recordsEveryRequest_withoutTheQuery(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.send(.GET, "/api/v1/me?token=secret-value", token: grant.token, ip: "192.0.2.44", headers: [("X-App-Version", "2.3.1")])
                .requireStatus(.ok)
            try await t.send(.GET, "/no/such/route", ip: "192.0.2.45").requireStatus(.notFound)
            let rows = try await AccessLogEntry.query(on: t.db).sort(\.$at).all()
            let me = try #require(rows.first { $0.path == "/api/v1/me" })
            #expect(me.ip == "192.0.2.44")
            #expect(me.method == "GET")
            #expect(me.status == 200)
            #expect(me.userAgent == "BizBankTests/1.0")
            #expect(me.appVersion == "2.3.1")
            #expect(me.userID == grant.user.id)
            #expect(me.durationMilliseconds >= 0)
            #expect(rows.allSatisfy { !$0.path.contains("secret-value") && !$0.path.contains("?") })
            #expect(rows.contains { $0.path == "/no/such/route" && $0.status == 404 && $0.userID == nil })
            #expect(rows.contains { $0.path == "/api/v1/registrations" && $0.status == 202 })
        }
    }

    @Test(arguments: TestDatabase.all)
    func accessLog_rowsOlderThanTheRetention_arePurged(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await t.send(.GET, "/api/v1/policy/current").requireStatus(.ok)
            t.clock.advance(seconds: 89 * 86_400)
            try await t.send(.GET, "/api/v1/policy/current").requireStatus(.ok)
            let dryRun = try await RetentionJob(services: t.services).run(dryRun: true, on: t.db)
            #expect(dryRun.accessLogRows == 0)
            t.clock.advance(seconds: 2 * 86_400)
            let counted = try await RetentionJob(services: t.services).run(dryRun: true, on: t.db)
            #expect(counted.accessLogRows == 1)
            #expect(try await AccessLogEntry.query(on: t.db).count() == 2)
            let report = try await RetentionJob(services: t.services).run(on: t.db)
            #expect(report.accessLogRows == 1)
            #expect(try await AccessLogEntry.query(on: t.db).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func retention_removesExpiredCodesAndEndedSessions(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let grant = try await t.registerActive()
            try await t.send(.POST, "/api/v1/auth/sign-out", token: grant.token).requireStatus(.noContent)
            t.clock.advance(seconds: 8 * 86_400)
            let report = try await RetentionJob(services: t.services).run(on: t.db)
            #expect(report.otpChallenges == 1)
            #expect(report.sessions == 1)
            #expect(try await OtpChallenge.query(on: t.db).count() == 0)
            #expect(try await UserSession.query(on: t.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditChain_isIntact_andRecordsSecurityEvents(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let registration = Fixtures.registration()
            try await t.registerActive(registration)
            try await t.send(
                .POST,
                "/api/v1/auth/sign-in",
                json: SignInRequest(phone: registration.person.phone, password: "Wrong-Password-9", device: registration.device)
            )
            _ = try await t.signIn(registration)
            let events = try await t.auditEvents()
            #expect(
                events == [
                    "policy.accepted", "registration.started", "registration.completed", "sign_in.failed", "risk.assessed", "sign_in.succeeded",
                ]
            )
            #expect(try await t.verifyAudit() == .intact(count: 6))
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditVerify_namesTheFirstAlteredRecord(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for index in 1...5 {
                try await AuditLog.record(.signOut, actor: nil, subject: .session(UUID()), details: ["n": "\(index)"], at: t.clock.now(), on: t.db)
            }
            try await t.chainAudit()
            try await t.sql.raw("UPDATE audit_log SET subject = 'session:forged' WHERE seq = 3").run()
            #expect(try await t.verifyAudit() == .altered(seq: 3))
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditVerify_namesAMissingRecord(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for index in 1...5 {
                try await AuditLog.record(.signOut, actor: nil, subject: .session(UUID()), details: ["n": "\(index)"], at: t.clock.now(), on: t.db)
            }
            try await t.chainAudit()
            try await t.sql.raw("DELETE FROM audit_log WHERE seq = 4").run()
            #expect(try await t.verifyAudit() == .missing(afterSeq: 3, expectedSeq: 4))
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditVerify_detectsARecordRehashedButNotRelinked(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            for index in 1...3 {
                try await AuditLog.record(.signOut, actor: nil, subject: .session(UUID()), details: ["n": "\(index)"], at: t.clock.now(), on: t.db)
            }
            try await t.chainAudit()
            // a forger who recomputes record 2's own hash (even with the audit key) still breaks record 3's link
            let second = try #require(try await AuditEntry.query(on: t.db).filter(\.$seq == 2).first())
            second.subject = "n:forged"
            second.hash = AuditLog.hash(of: second, key: t.services.cipher.keys.auditChain)
            try await second.save(on: t.db)
            #expect(try await t.verifyAudit() == .broken(seq: 3))
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditAppends_withConcurrentChainers_keepOneChain(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // writers and chainers interleave, as several server processes would
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await AuditLog.record(
                            .signOut,
                            actor: nil,
                            subject: .session(UUID()),
                            details: ["n": "\(index)"],
                            at: t.clock.now(),
                            on: t.db
                        )
                    }
                    if index % 5 == 0 { group.addTask { try await t.chainAudit() } }
                }
                try await group.waitForAll()
            }
            try await t.chainAudit()
            #expect(try await t.verifyAudit() == .intact(count: 20))
            #expect(try await PendingAuditRecord.query(on: t.db).count() == 0)
            let subjects = Set(try await AuditEntry.query(on: t.db).all().map(\.subject))
            #expect(subjects.count == 20)
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditRecord_rolledBackWithItsChange_neverReachesTheChain(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await t.db.transaction { tx in
                    try await AuditLog.record(.passwordChanged, actor: nil, subject: .user(UUID()), at: t.clock.now(), on: tx)
                    throw Abort()
                }
            }
            try await AuditLog.record(.signOut, actor: nil, subject: .user(UUID()), at: t.clock.now(), on: t.db)
            #expect(try await t.auditEvents() == ["sign_out"])
        }
    }
}
