/// Limits how many test applications run at once: Swift Testing runs everything in parallel, and on
/// PostgreSQL each application holds its own connection pool (the server allows 100 connections).
actor AppGate {
    static let shared = AppGate(limit: 6)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
