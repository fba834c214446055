import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// §6.2: once a newer edition is in force, a signed-in user who has not accepted it gets
/// `policy_acceptance_required` (with the edition to read) on every call behind this middleware. Reading and
/// accepting the policy, signing out and exporting one's data are registered outside it.
struct PolicyGate: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let caller = try request.caller
        if let current = try await request.bank.policyVersions.current(on: request.db), caller.user.acceptedPolicyVersion < current {
            throw BankError.policyAcceptanceRequired(version: current)
        }
        return try await next.respond(to: request)
    }
}

/// The editions' versions and effective dates, re-read at most every 5 seconds, so the per-request check costs
/// no query; "current" is computed against the bank's clock each time, so an edition takes effect on the dot.
final class PolicyVersionCache: Sendable {
    private struct Snapshot {
        var readAt: ContinuousClock.Instant
        var editions: [(version: Int, effectiveAt: Date)]
    }

    private let clock: any WallClock
    private let snapshot = NIOLockedValueBox<Snapshot?>(nil)
    static let refreshInterval = Duration.seconds(5)

    init(clock: any WallClock) {
        self.clock = clock
    }

    func current(on database: any Database) async throws -> Int? {
        let cached = snapshot.withLockedValue { $0 }
        let editions: [(version: Int, effectiveAt: Date)]
        if let cached, ContinuousClock.now - cached.readAt < Self.refreshInterval {
            editions = cached.editions
        } else {
            editions = try await PolicyEdition.query(on: database).all().map { ($0.version, $0.effectiveAt) }
            snapshot.withLockedValue { $0 = Snapshot(readAt: .now, editions: editions) }
        }
        let now = clock.now()
        return editions.filter { $0.effectiveAt <= now }.map(\.version).max()
    }

    /// Called after this process publishes an edition; other processes see it within the refresh interval.
    func invalidate() {
        snapshot.withLockedValue { $0 = nil }
    }
}
