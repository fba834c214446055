import Foundation
import NIOConcurrencyHelpers

/// The time source; tests replace it to move the clock (idle timeouts, locks, retention).
protocol WallClock: Sendable {
    func now() -> Date
}

struct SystemClock: WallClock {
    func now() -> Date { Date() }
}

/// A clock tests can set and advance.
final class ManualClock: WallClock {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = NIOLockedValueBox(start)
    }

    func now() -> Date { current.withLockedValue { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }
}
