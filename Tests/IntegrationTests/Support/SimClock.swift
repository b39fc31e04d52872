import Foundation

/// The simulator's time, readable synchronously by `ClusterConnection` (its `now` is a plain closure) and
/// moved only when a test steps the simulator.
final class SimClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func set(_ date: Date) {
        lock.withLock { current = date }
    }
}

/// Everything a stream delivered so far, for tests to poll.
final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    var all: [Element] { lock.withLock { items } }

    func append(_ item: Element) {
        lock.withLock { items.append(item) }
    }

    /// Consumes `stream` until it finishes.
    func follow(_ stream: AsyncStream<Element>) -> Task<Void, Never> {
        Task {
            for await item in stream { append(item) }
        }
    }
}
