import Foundation

/// Everything a stream delivered so far, for tests to poll.
public final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    public init() {}

    public var all: [Element] { lock.withLock { items } }

    public func append(_ item: Element) {
        lock.withLock { items.append(item) }
    }

    /// Consumes `stream` until it finishes.
    public func follow(_ stream: AsyncStream<Element>) -> Task<Void, Never> {
        Task {
            for await item in stream { append(item) }
        }
    }
}
