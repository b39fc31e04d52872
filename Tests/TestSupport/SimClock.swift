import Foundation

/// A settable clock readable synchronously (a `ClusterConnection`'s `now` is a plain closure), moved only when a
/// test steps the simulator.
public final class SimClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) {
        current = start
    }

    public var now: Date { lock.withLock { current } }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}
