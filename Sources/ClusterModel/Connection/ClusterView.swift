import Foundation

/// What a `ClusterConnection` knows at one moment: the store's objects, the current observations and what the rules
/// remember, the latest metrics and the cluster's time.
public struct ClusterView: Sendable {
    public var snapshot: ClusterSnapshot
    public var observations: [Observation]
    /// What the signal rules remember (restart counts over time among it).
    public var history: SignalHistory
    public var metrics: MetricsSnapshot
    public var now: Date

    public init(
        snapshot: ClusterSnapshot, observations: [Observation], history: SignalHistory, metrics: MetricsSnapshot,
        now: Date
    ) {
        self.snapshot = snapshot
        self.observations = observations
        self.history = history
        self.metrics = metrics
        self.now = now
    }
}
