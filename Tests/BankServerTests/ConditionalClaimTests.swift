import Fluent
import Foundation
import SQLKit
import Testing

@testable import BankServer

/// Issue 13: the one claim helper (`SQLDatabase.claim`) that the outbox, one-time codes, invitations, payment
/// execution, payroll confirmation, staff codes and device nonces use: a row is claimed while its state holds, once.
@Suite("Conditional claim")
struct ConditionalClaimTests {
    @Test(arguments: TestDatabase.all)
    func aRow_isClaimedOnce_whileItsStateHolds(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await t.app.db.schema("claim_probes").id().field("status", .string, .required).field("taken_by", .string).create()
            let sql = try #require(t.app.db as? any SQLDatabase)
            let id = UUID()
            try await sql.insert(into: "claim_probes").columns("id", "status").values(SQLBind(id), SQLBind("pending")).run()

            let first = try await sql.claim("claim_probes", id: id, set: ["status": "taken", "taken_by": "a"], returning: ["taken_by"]) {
                $0.where("status", .equal, "pending")
            }
            #expect(try first?.decode(column: "taken_by", as: String.self) == "a")
            let second = try await sql.claim("claim_probes", id: id, set: ["status": "taken", "taken_by": "b"]) {
                $0.where("status", .equal, "pending")
            }
            #expect(second == nil)
            let stranger = try await sql.claim("claim_probes", id: UUID(), set: ["status": "taken"]) { $0.where("status", .equal, "pending") }
            #expect(stranger == nil)
            let row = try #require(try await sql.select().column("taken_by").from("claim_probes").where("id", .equal, id).first())
            #expect(try row.decode(column: "taken_by", as: String.self) == "a")

            // racing callers: exactly one wins
            let raced = UUID()
            try await sql.insert(into: "claim_probes").columns("id", "status").values(SQLBind(raced), SQLBind("pending")).run()
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for caller in 0..<5 {
                    group.addTask {
                        try await sql.claim("claim_probes", id: raced, set: ["status": "taken", "taken_by": "\(caller)"]) {
                            $0.where("status", .equal, "pending")
                        } != nil
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }
}
