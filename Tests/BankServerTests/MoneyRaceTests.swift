import BankAPI
import BankCore
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import BankServer

/// Issue 10 (review M3): each side of a race run concurrently; exactly one wins and the ledger moves money at most once.
/// On PostgreSQL the two requests really overlap (a pool of two connections).
@Suite("Money paths: races and crashes")
struct MoneyRaceTests {
    private func draft(_ t: TestHarness, _ company: PaymentCompany, to payee: Account, amount: String) async throws -> PaymentOrderView {
        try await t.send(
            .POST,
            "/api/v1/companies/\(company.id)/payments",
            json: t.order(from: company.main, to: payee, amount: amount),
            token: company.operatorUser.token
        ).requireStatus(.created).content.decode(PaymentOrderView.self)
    }

    @Test(arguments: TestDatabase.all)
    func anEditDuringConfirmation_neverRewritesAnExecutedOrder(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let payee = try await t.paymentCompany(funds: 0)
            for round in 0..<3 {  // the phone may receive 5 codes an hour: registration plus three
                let order = try await draft(t, company, to: payee.main, amount: "10")
                let outcome = try await t.send(.POST, "/api/v1/payments/\(order.id)/sign", token: company.director.token)
                    .content.decode(SignOutcome.self)
                let challenge = try #require(outcome.confirmation).challengeId
                let code = try await t.latestCode(to: company.directorPhone)
                let edited = t.order(from: company.main, to: payee.main, amount: "99", number: "E\(round)")
                async let confirm = t.send(
                    .POST,
                    "/api/v1/payments/\(order.id)/confirm",
                    json: OtpAnswer(challengeId: challenge, code: code),
                    token: company.director.token
                )
                async let edit = t.send(.PUT, "/api/v1/payments/\(order.id)", json: edited, token: company.operatorUser.token)
                let (confirmed, changed) = try await (confirm, edit)
                let stored = try #require(try await PaymentOrderRecord.find(order.id, on: t.db))
                if confirmed.status == .ok {
                    // the confirmation won: the order is executed with the content that was signed, the edit lost
                    #expect(changed.status == .conflict)
                    #expect(stored.status == .executed && stored.contentHash == order.contentHash && stored.amount == 10_00)
                } else {
                    #expect(changed.status == .ok)
                    #expect(stored.status == .draft && stored.amount == 99_00 && stored.executedAt == nil)
                }
            }
            let executed = try await PaymentOrderRecord.query(on: t.db).filter(\.$status == .executed).all()
            #expect(try await t.balance(payee.main) == executed.reduce(0) { $0 + $1.amount })
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func releaseAndRejectOfAHold_oneWins_andTheStatusMatchesTheLedger(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany(funds: 100_000_000_00)
            let analyst = try await t.staffToken(.fraud)
            for _ in 0..<3 {
                let order = try await draft(t, company, to: company.second, amount: "6000000")
                let signed = try await t.send(.POST, "/api/v1/payments/\(order.id)/sign", token: company.director.token, ip: "192.168.7.7")
                let challenge = try #require(try signed.content.decode(SignOutcome.self).confirmation)
                let held = try await t.send(
                    .POST,
                    "/api/v1/payments/\(order.id)/confirm",
                    json: OtpAnswer(challengeId: challenge.challengeId, code: try await t.latestCode(to: company.directorPhone)),
                    token: company.director.token,
                    ip: "192.168.7.7"
                ).content.decode(PaymentOrderView.self)
                #expect(held.status == "held_for_review")
                let before = try await t.balance(company.second)
                async let release = t.send(.POST, "/api/v1/staff/fraud/holds/\(order.id)/release", token: analyst)
                async let reject = t.send(.POST, "/api/v1/staff/fraud/holds/\(order.id)/reject", token: analyst)
                let (released, rejected) = try await (release, reject)
                #expect([released.status, rejected.status].filter { $0 == .ok }.count == 1)
                let stored = try #require(try await PaymentOrderRecord.find(order.id, on: t.db))
                let moved = try await t.balance(company.second) - before
                if released.status == .ok {
                    #expect(stored.status == .executed && moved == 6_000_000_00)
                } else {
                    #expect(stored.status == .rejected && moved == 0)
                }
            }
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func settleAndReturn_oneWins_andMoneyLeavesTransitOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            for _ in 0..<3 {
                var input = t.order(from: company.main, to: company.main, amount: "700")
                input.beneficiaryAccount = try #require(IBAN.make(bankCode: "601", accountPart: "0000000012345")).value
                input.beneficiaryBIC = "HSBKKZKX"
                let order = try await t.send(.POST, "/api/v1/companies/\(company.id)/payments", json: input, token: company.operatorUser.token)
                    .requireStatus(.created).content.decode(PaymentOrderView.self)
                try await t.signAndConfirm(order.id, company).requireStatus(.ok)
                let clearing = ClearingService(services: t.services)
                async let settle: Bool = { (try? await clearing.resolve(paymentID: order.id, .settle, on: t.db)) != nil }()
                async let giveBack: Bool = { (try? await clearing.resolve(paymentID: order.id, .returned(reason: "AC04"), on: t.db)) != nil }()
                let outcomes = await [settle, giveBack]
                #expect(outcomes.filter { $0 }.count == 1)
                let legs = try await LedgerTransaction.query(on: t.db).filter(\.$reference == "payment:\(order.id)").count()
                #expect(legs == 2)  // the payment itself and exactly one resolution
            }
            #expect(try await LedgerVerifier.verify(on: t.db).isEmpty)
        }
    }

    /// A server killed mid-request left its key `in_progress`: while the lease runs a retry is told to wait; after it
    /// the retry takes the key over, gets a real answer, and that answer is replayed from then on.
    @Test(arguments: TestDatabase.all)
    func aKeyWhoseOwnerDied_becomesAnswerable_afterItsLease(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let input = t.order(from: company.main, to: company.second, amount: "5")
            // what a crashed first attempt leaves: the claim, no answer
            let body = try JSONEncoder().encode(input)
            let dead = IdempotencyRecord()
            dead.id = UUID()
            (dead.userID, dead.key, dead.state, dead.createdAt) = (company.operatorUser.user.id, "crash-1", "in_progress", t.clock.now())
            dead.requestHash = IdempotencyGuard.requestHash(method: "POST", path: "/api/v1/companies/\(company.id)/payments", body: body)
            dead.leaseUntil = t.clock.now().addingTimeInterval(IdempotencyGuard.lease)
            try await dead.create(on: t.db)
            let send = {
                try await t.send(
                    .POST,
                    "/api/v1/companies/\(company.id)/payments",
                    json: input,
                    token: company.operatorUser.token,
                    headers: [(IdempotencyGuard.header, "crash-1")]
                )
            }
            let early = try await send()
            #expect(try t.problem(early).code == "idempotency_in_progress")
            #expect(early.headers.first(name: "Retry-After") != nil)
            t.clock.advance(seconds: IdempotencyGuard.lease + 1)
            let answered = try await send().requireStatus(.created).content.decode(PaymentOrderView.self)
            let replayed = try await send()
            #expect(replayed.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try replayed.content.decode(PaymentOrderView.self).id == answered.id)
            #expect(try await PaymentOrderRecord.query(on: t.db).count() == 1)
            // the stored answer is sealed: the payee's name is not in the row in clear, and it goes after 7 days
            let stored = try #require(try await IdempotencyRecord.find(dead.id, on: t.db))
            #expect(String(decoding: stored.responseBody ?? Data(), as: UTF8.self).contains("Алтын") == false)
            t.clock.advance(seconds: 8 * 86_400)
            #expect(try await RetentionJob(services: t.services).run(on: t.db)["idempotency_keys"] == 1)
        }
    }

    /// Two directors demoting each other at once: one wins, the company keeps a director.
    @Test(arguments: TestDatabase.all)
    func twoDirectorsDemotingEachOther_leaveOneDirector(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            let company = try await t.paymentCompany()
            let first = try await t.caller(company.director)
            let second = try await t.caller(company.accountant)
            let service = t.services.employees
            for _ in 0..<3 {
                try await Membership.query(on: t.db).filter(\.$company.$id == company.id).filter(\.$user.$id ~~ [first.userID, second.userID])
                    .set(\.$role, to: .director).update()
                async let a: Bool = {
                    (try? await service.changeRole(companyID: company.id, userID: second.userID, role: "accountant", caller: first, on: t.db)) != nil
                }()
                async let b: Bool = {
                    (try? await service.changeRole(companyID: company.id, userID: first.userID, role: "accountant", caller: second, on: t.db)) != nil
                }()
                let outcomes = await [a, b]
                #expect(outcomes.filter { $0 }.count == 1)
                #expect(try await Membership.query(on: t.db).filter(\.$company.$id == company.id).filter(\.$role == .director).count() == 1)
            }
        }
    }
}
