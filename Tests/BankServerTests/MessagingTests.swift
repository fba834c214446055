import BankCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import VaporTesting

@testable import BankServer

/// A gateway that records what it was asked to send, and can be told to fail.
final class RecordingGateway: SMSGateway {
    let sent = NIOLockedValueBox<[(String, String)]>([])
    let failing = NIOLockedValueBox(false)

    func deliver(to phone: String, text: String) async throws {
        if failing.withLockedValue({ $0 }) { throw TestFailure("gateway down") }
        sent.withLockedValue { $0.append((phone, text)) }
    }
}

extension BankServices {
    func replacing(smsGateway: any SMSGateway) -> BankServices {
        BankServices(
            config: config,
            clock: clock,
            cipher: cipher,
            localizer: localizer,
            smsGateway: smsGateway,
            passwordPolicy: passwordPolicy,
            decoyPasswordHash: decoyPasswordHash,
            purposes: purposes,
            policyVersions: policyVersions,
            workingCalendar: workingCalendar
        )
    }
}

@Suite("SMS outbox and delivery")
struct MessagingTests {
    private func enqueue(_ t: TestHarness, count: Int) async throws {
        for index in 0..<count {
            try await SMSOutbox(services: t.services).enqueue(
                to: try PhoneNumber("+7701000\(String(format: "%04d", index))"),
                text: "message \(index)",
                category: "test",
                userID: nil,
                on: t.db
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func dispatch_deliversEachMessageOnce_evenWithTwoWorkers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 12)
            let gateway = RecordingGateway()
            let services = t.services.replacing(smsGateway: gateway)
            let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await SMSDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) }
                }
                return try await group.reduce(0, +)
            }
            #expect(delivered == 12)
            let texts = gateway.sent.withLockedValue { $0.map(\.1) }
            #expect(texts.count == 12)
            #expect(Set(texts).count == 12)
            #expect(try await SMSMessage.query(on: t.db).filter(\.$status == .sent).count() == 12)
            #expect(try await SMSDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func dispatch_retriesWithBackoff_thenGivesUp(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 1)
            let gateway = RecordingGateway()
            gateway.failing.withLockedValue { $0 = true }
            let services = t.services.replacing(smsGateway: gateway)
            let dispatcher = SMSDispatcher(services: services, logger: t.app.logger)
            #expect(try await dispatcher.dispatchPending(on: t.db) == 0)
            // not retried before its backoff
            #expect(try await dispatcher.dispatchPending(on: t.db) == 0)
            #expect(try await SMSMessage.query(on: t.db).first()?.attempts == 1)
            for _ in 0..<4 {
                t.clock.advance(seconds: 3600)
                _ = try await dispatcher.dispatchPending(on: t.db)
            }
            let message = try #require(try await SMSMessage.query(on: t.db).first())
            #expect(message.status == .failed)
            #expect(message.attempts == 5)
            #expect(gateway.sent.withLockedValue { $0.isEmpty })
        }
    }

    @Test(arguments: TestDatabase.all)
    func dispatch_afterARecoveredGateway_deliversTheRetry(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 1)
            let gateway = RecordingGateway()
            gateway.failing.withLockedValue { $0 = true }
            let services = t.services.replacing(smsGateway: gateway)
            let dispatcher = SMSDispatcher(services: services, logger: t.app.logger)
            _ = try await dispatcher.dispatchPending(on: t.db)
            gateway.failing.withLockedValue { $0 = false }
            t.clock.advance(seconds: 60)
            #expect(try await dispatcher.dispatchPending(on: t.db) == 1)
            #expect(gateway.sent.withLockedValue { $0.map(\.1) } == ["message 0"])
        }
    }
}
