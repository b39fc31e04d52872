import Foundation

/// Time for the reflector: now and sleeping, injectable for tests.
protocol ReflectorClock: Sendable {
    func now() -> Date
    func sleep(for duration: Duration) async throws
}

struct SystemReflectorClock: ReflectorClock {
    func now() -> Date { Date() }
    func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
