import Foundation

/// One producer, many consumers: each `subscribe()` gets its own stream of what is yielded from then on (and the
/// latest value first, when `replaysLatest`). A slow consumer loses its oldest buffered values, never blocks others.
public final class Broadcast<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<Element>.Continuation] = [:]
    private var latest: Element?
    private var isFinished = false
    private let replaysLatest: Bool
    private let buffer: Int

    /// - Parameters:
    ///   - buffer: values kept per subscriber that has not caught up.
    ///   - replaysLatest: whether a new subscriber first gets the latest value.
    public init(buffer: Int, replaysLatest: Bool = false) {
        self.buffer = buffer
        self.replaysLatest = replaysLatest
    }

    /// A new stream of the values yielded from now on.
    public func subscribe() -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream<Element>.makeStream(bufferingPolicy: .bufferingNewest(buffer))
        let id = UUID()
        lock.withLock {
            if isFinished {
                continuation.finish()
                return
            }
            if replaysLatest, let latest { continuation.yield(latest) }
            subscribers[id] = continuation
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `value` to every subscriber.
    public func yield(_ value: Element) {
        let targets = lock.withLock {
            latest = value
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.yield(value) }
    }

    /// Ends every stream; later subscribers get an ended stream.
    public func finish() {
        let targets = lock.withLock {
            isFinished = true
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
