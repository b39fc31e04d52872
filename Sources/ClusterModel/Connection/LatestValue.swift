import Foundation

/// The latest value written from any thread: for callbacks that report to each other, and for results a background
/// task leaves for the UI loop to take.
public final class LatestValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    public init() {}

    public var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// The value, leaving none.
    public func take() -> Value? {
        lock.withLock {
            defer { stored = nil }
            return stored
        }
    }
}
