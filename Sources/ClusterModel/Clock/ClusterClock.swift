import Foundation

/// The one clock of a cluster view: the API server's time (the local clock corrected by the offset and rate
/// measured from its `Date` headers), or a simulator's clock handed in directly. Every signal window, "held for"
/// duration and journal entry reads it. Never goes backwards.
public final class ClusterClock: @unchecked Sendable {
    private let lock = NSLock()
    private var estimate = ClockEstimate()
    private var lastReading = Date.distantPast
    private let source: (@Sendable () -> Date)?
    private let localClock: @Sendable () -> Date

    /// The API server's time, learnt from response headers; the local clock until the first response.
    public init(localClock: @escaping @Sendable () -> Date = Date.init) {
        source = nil
        self.localClock = localClock
    }

    /// A clock read from `source` (a simulator's time in a demo or a test); headers are ignored.
    public init(source: @escaping @Sendable () -> Date) {
        self.source = source
        localClock = Date.init
    }

    /// Whether the time comes from the server's headers (and so is worth probing now and then).
    public var followsServerHeaders: Bool { source == nil }

    /// The rate measured from the headers (1 when not measured or when the server keeps real time).
    public var rate: Double { lock.withLock { estimate.rate } }

    /// The cluster's time now.
    public func now() -> Date {
        if let source { return source() }
        let local = localClock()
        return lock.withLock {
            let reading = max(estimate.now(local: local), lastReading)
            lastReading = reading
            return reading
        }
    }

    /// Records a response's `Date` header value (RFC 7231 IMF-fixdate); other formats are ignored.
    public func observe(dateHeader: String) {
        guard source == nil, let server = HTTPDate.parse(dateHeader) else { return }
        let local = localClock()
        lock.withLock { estimate.add(server: server, local: local) }
    }
}
