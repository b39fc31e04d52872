import Foundation

/// Capped exponential backoff with full jitter: `random(0, min(cap, initial × factor^(attempt-1)))`.
public struct BackoffPolicy: Sendable, Equatable {
    public var initial: Duration = .milliseconds(800)
    public var factor: Double = 2
    public var cap: Duration = .seconds(30)
    /// Failures are forgotten after this long without one.
    public var resetAfter: Duration = .seconds(120)
    /// How often a forbidden resource is tried again.
    public var forbiddenRetry: Duration = .seconds(300)

    public init() {}

    /// The delay before retry number `attempt` (1-based), with `unit` in [0, 1) drawn for jitter.
    public func delay(attempt: Int, unit: Double) -> Duration {
        let ceiling = min(cap.inSeconds, initial.inSeconds * pow(factor, Double(max(0, attempt - 1))))
        return .milliseconds(Int64((ceiling * unit * 1000).rounded()))
    }
}
