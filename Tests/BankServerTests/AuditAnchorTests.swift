import Crypto
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import BankServer

/// §5.1: the audit chain is keyed (HMAC-SHA256 under a key derived from the master key) and its head is anchored
/// outside the chained table, so a forger with write access to the database but not the key is caught whether they
/// rewrite the chain or cut its tail.
@Suite("The keyed, anchored audit chain (§5.1)")
struct AuditAnchorTests {
    private func record(_ count: Int, _ t: TestHarness) async throws {
        for index in 1...count {
            try await AuditLog.record(.signOut, actor: nil, subject: .session(UUID()), details: ["n": "\(index)"], at: t.clock.now(), on: t.db)
        }
    }

    /// The forger's tool: edit record `from`, then recompute its hash and every following link with `rehash`.
    private func rewrite(from seq: Int64, _ t: TestHarness, rehash: (AuditEntry) -> String) async throws {
        var previous = try #require(try await AuditEntry.query(on: t.db).filter(\.$seq == seq - 1).first()?.hash ?? AuditLog.genesisHash)
        for entry in try await AuditEntry.query(on: t.db).filter(\.$seq >= seq).sort(\.$seq).all() {
            if entry.seq == seq { entry.subject = "session:forged" }
            entry.previousHash = previous
            entry.hash = rehash(entry)
            previous = entry.hash
            try await entry.save(on: t.db)
        }
    }

    @Test(arguments: TestDatabase.all)
    func rewritingTheChain_withPlainSHA256_orAWrongKey_isNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: a chain of five keyed records, anchored
            try await record(5, t)
            try await t.chainAudit()
            #expect(try await t.verifyAudit() == .intact(count: 5))
            // when: record 2 is edited and every hash after it recomputed with plain SHA-256, as the old chain allowed
            try await rewrite(from: 2, t) { AuditLog.hash(of: $0) }
            // then
            #expect(try await t.verifyAudit() == .altered(seq: 2))
            // when: the same with a key of the forger's own
            let wrongKey = SymmetricKey(size: .bits256)
            try await rewrite(from: 2, t) { AuditLog.hash(of: $0, key: wrongKey) }
            #expect(try await t.verifyAudit() == .altered(seq: 2))
            // and with the chain key leaked but not the anchor key, the signed head still disagrees
            try await rewrite(from: 2, t) { AuditLog.hash(of: $0, key: t.services.cipher.keys.auditChain) }
            #expect(try await t.verifyAudit() == .anchorMismatch(seq: 5))
            // the command fails and says why
            await #expect(throws: CommandFailure.self) { try await t.runCommand(AuditCommands(), ["verify"]) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func deletingTheNewestRecords_isNamedAgainstTheAnchor(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: two passes, so two anchors, the newest at length 5
            try await record(3, t)
            try await t.chainAudit()
            try await record(2, t)
            try await t.chainAudit()
            let anchors = try await AuditAnchor.query(on: t.db).filter(\.$signature != nil).sort(\.$chainLength).all()
            #expect(anchors.map(\.chainLength) == [3, 5])
            let head = try #require(try await AuditEntry.query(on: t.db).filter(\.$seq == 5).first())
            #expect(anchors.last?.headHash == head.hash)
            // when: the two newest records are deleted (the chain that is left links perfectly)
            try await t.sql.raw("DELETE FROM audit_log WHERE seq > 3").run()
            // then
            let finding = try await t.verifyAudit()
            #expect(finding == .truncated(count: 3, anchoredCount: 5))
            #expect(finding.description.contains("the newest 2 record(s) were deleted"))
            // an anchor cannot be moved back either: its signature covers its length
            try await t.sql.raw("UPDATE audit_anchors SET chain_length = 3 WHERE chain_length = 5").run()
            #expect(try await t.verifyAudit() == .anchorForged(chainLength: 3))
            // nor can the anchors simply be deleted while keyed records exist
            try await t.sql.raw("DELETE FROM audit_anchors WHERE signature IS NOT NULL").run()
            #expect(try await t.verifyAudit() == .unanchored(count: 3))
        }
    }

    @Test(arguments: TestDatabase.all)
    func recordsChainedBeforeTheKey_stayVerified_andAreCoveredByTheKeyedOnes(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            // given: three records chained with plain SHA-256 before the upgrade, and the migration's marker saying so
            var previous = AuditLog.genesisHash
            for seq in Int64(1)...3 {
                let entry = AuditEntry()
                entry.seq = seq
                entry.atMilliseconds = 1_700_000_000_000 + seq
                entry.event = "sign_out"
                entry.actorID = nil
                entry.subject = "session:old-\(seq)"
                entry.details = "{}"
                entry.previousHash = previous
                entry.hash = AuditLog.hash(of: entry)
                previous = entry.hash
                try await entry.create(on: t.db)
            }
            try await t.sql.raw("UPDATE audit_anchors SET keyed_from = 4, chain_length = 3 WHERE signature IS NULL").run()
            // when: the server chains new events after the upgrade
            try await record(2, t)
            try await t.chainAudit()
            // then: old records verify by the old rule, new ones by the keyed rule, and the anchor carries the boundary
            #expect(try await t.verifyAudit() == .intact(count: 5))
            let anchor = try #require(try await AuditAnchor.query(on: t.db).filter(\.$signature != nil).first())
            #expect(anchor.keyedFrom == 4 && anchor.chainLength == 5)
            let fourth = try #require(try await AuditEntry.query(on: t.db).filter(\.$seq == 4).first())
            #expect(fourth.hash == AuditLog.hash(of: fourth, key: t.services.cipher.keys.auditChain))
            // when: an old record is rewritten and everything after it rehashed with plain SHA-256
            try await rewrite(from: 1, t) { AuditLog.hash(of: $0) }
            // then: the first keyed record exposes it
            #expect(try await t.verifyAudit() == .altered(seq: 4))
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachChainingPass_writesOneSignedAnchor_logsIt_andExportsTheLength(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let before = try await AuditAnchor.query(on: t.db).count()
            let lines = NIOLockedValueBox<[String]>([])
            let logger = Logger(label: "test.audit") { _ in CapturingLogHandler(lines: lines) }
            try await record(4, t)
            let chained = try await AuditChainer.chainPending(on: t.db, keys: t.services.cipher.keys, logger: logger)
            #expect(chained == 4)
            // a pass with nothing to chain writes nothing
            try await AuditChainer.chainPending(on: t.db, keys: t.services.cipher.keys, logger: logger)
            #expect(try await AuditAnchor.query(on: t.db).count() == before + 1)
            let head = try #require(try await AuditEntry.query(on: t.db).filter(\.$seq == 4).first())
            let anchorLines = lines.withLockedValue { $0 }.filter { $0.hasPrefix("audit anchor ") }
            #expect(anchorLines.count == 1)
            #expect(anchorLines.first?.contains("\"count\": 4") == true)
            #expect(anchorLines.first?.contains(head.hash) == true)
            let metrics = try await t.send(.GET, "/metrics").requireStatus(.ok).body.string
            #expect(metrics.contains("bizbank_audit_chain_length"))
        }
    }
}
