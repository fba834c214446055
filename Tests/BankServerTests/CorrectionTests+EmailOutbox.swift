import BankCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import VaporTesting

@testable import BankServer

/// An e-mail gateway that records what it was asked to send, and can be told to fail.
final class RecordingEmailGateway: EmailGateway {
    let sent = NIOLockedValueBox<[(to: String, subject: String, body: String)]>([])
    let failing = NIOLockedValueBox(false)

    func deliver(to address: String, subject: String, body: String) async throws {
        if failing.withLockedValue({ $0 }) { throw TestFailure("e-mail gateway down") }
        sent.withLockedValue { $0.append((address, subject, body)) }
    }
}

extension BankServices {
    func replacing(emailGateway: any EmailGateway) -> BankServices {
        var services = self
        services.emailGateway = emailGateway
        return services
    }
}

/// The e-mail outbox behind §4.1 e-mail changes: sealed at rest, each message delivered once, retried with backoff.
extension CorrectionTests {
    private func enqueue(_ t: TestHarness, count: Int) async throws {
        for index in 0..<count {
            try await EmailOutbox(services: t.services).enqueue(
                to: try EmailAddress("user\(index)@example.kz"),
                subject: "subject",
                body: "body \(index)",
                category: "test",
                userID: nil,
                on: t.db
            )
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailOutbox_sealsRecipientAndBody_andDeliversEachOnce_evenWithTwoWorkers(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 8)
            let stored = try await EmailMessage.query(on: t.db).all()
            #expect(stored.allSatisfy { !String(decoding: $0.recipient + $0.body, as: UTF8.self).contains("example.kz") })
            let gateway = RecordingEmailGateway()
            let services = t.services.replacing(emailGateway: gateway)
            let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await EmailDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) }
                }
                return try await group.reduce(0, +)
            }
            #expect(delivered == 8)
            #expect(Set(gateway.sent.withLockedValue { $0.map(\.body) }) == Set((0..<8).map { "body \($0)" }))
            #expect(try await EmailMessage.query(on: t.db).filter(\.$status == .sent).count() == 8)
            #expect(try await EmailDispatcher(services: services, logger: t.app.logger).dispatchPending(on: t.db) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailOutbox_retriesWithBackoff_thenGivesUp(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 1)
            let gateway = RecordingEmailGateway()
            gateway.failing.withLockedValue { $0 = true }
            let services = t.services.replacing(emailGateway: gateway)
            let dispatcher = EmailDispatcher(services: services, logger: t.app.logger)
            #expect(try await dispatcher.dispatchPending(on: t.db) == 0)
            #expect(try await dispatcher.dispatchPending(on: t.db) == 0)
            #expect(try await EmailMessage.query(on: t.db).first()?.attempts == 1)
            for _ in 0..<4 {
                t.clock.advance(seconds: 3600)
                _ = try await dispatcher.dispatchPending(on: t.db)
            }
            let message = try #require(try await EmailMessage.query(on: t.db).first())
            #expect(message.status == .failed)
            #expect(message.attempts == 5)
            #expect(gateway.sent.withLockedValue { $0.isEmpty })
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailOutbox_devListing_isFilteredByAddress_andAbsentInProduction(_ database: TestDatabase) async throws {
        try await withApp(database) { t in
            try await enqueue(t, count: 3)
            let listing = try await t.send(.GET, "/dev/email?to=USER1@example.kz").requireStatus(.ok)
            #expect(try listing.content.decode(DevController.EmailListing.self).items.map(\.text) == ["body 1"])
        }
        try await withApp(database, adjust: .set { $0.isProduction = true }) { t in
            let response = try await t.send(.GET, "/dev/email")
            #expect(response.status == .notFound)
        }
    }
}
