import Foundation

/// What the rules remember between evaluations: the observations (so counts grow and OOMs outlive their pod),
/// restart-count samples (see `restarts(of:currentCount:podCreated:within:now:)`), and since when a condition
/// has held. A plain value: pass it in, get it back.
public struct SignalHistory: Sendable, Equatable {
    public internal(set) var observations: [String: Observation] = [:]
    /// Restart counts per container, oldest first, back to the last sample before the longest window.
    var restartSamples: [ContainerRef: [RestartSample]] = [:]
    var oomTerminations: [String: Set<Date>] = [:]
    var heldSince: [String: Date] = [:]

    public init() {}

    struct RestartSample: Sendable, Equatable {
        var time: Date
        var count: Int
    }
}
