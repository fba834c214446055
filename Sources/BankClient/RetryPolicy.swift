import Foundation

/// When and how long to wait before another attempt: only a transport failure, a 5xx or a 429 is retried, and
/// only for a request that is safe to repeat (a read, or a write carrying its `Idempotency-Key`). Waits grow
/// exponentially with full jitter up to a cap; a `Retry-After` from the server is honoured (within the cap).
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// 0…1 → the fraction of the computed delay actually waited; injected in tests.
    public var jitter: @Sendable () -> Double

    public init(
        maxAttempts: Int = 4,
        baseDelay: TimeInterval = 0.2,
        maxDelay: TimeInterval = 10,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1) }
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// The wait before attempt `attempt + 1` (attempt counts from 1).
    func delay(after attempt: Int, retryAfter: String?) -> TimeInterval {
        if let retryAfter, let seconds = TimeInterval(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(seconds, maxDelay)
        }
        let exponential = baseDelay * pow(2, Double(attempt - 1))
        return min(exponential, maxDelay) * jitter()
    }
}

/// Waits; replaced in tests so that retries take no time and their delays can be read.
public protocol Sleeper: Sendable {
    func sleep(seconds: TimeInterval) async throws
}

public struct TaskSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: TimeInterval) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
