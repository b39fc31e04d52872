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

/// The result of one evaluation: the current observations and the history to pass next time.
public struct SignalEvaluation: Sendable, Equatable {
    public var observations: [Observation]
    public var history: SignalHistory
}

/// A rule's candidate observation before it is merged with history.
struct Finding {
    var id: String
    var kind: ObservationKind
    var severity: Severity
    var subject: ObservationSubject
    var evidence: [String: String]
    var summary: String
    var count: Int?
    var firstSeen: Date?
    var lastSeen: Date?
}
