import Foundation

/// What a `ClusterConnection` knows at one moment: the store's objects, the current observations and what the rules
/// remember, the latest metrics and the cluster's time.
public struct ClusterView: Sendable {
    public var snapshot: ClusterSnapshot
    public var observations: [Observation]
    /// What the signal rules remember (restart counts over time among it).
    public var history: SignalHistory
    public var metrics: MetricsSnapshot
    /// Bumped by each scrape: equal generations mean the same metrics.
    public var metricsGeneration: UInt64
    public var now: Date

    public init(
        snapshot: ClusterSnapshot, observations: [Observation], history: SignalHistory, metrics: MetricsSnapshot,
        metricsGeneration: UInt64 = 0, now: Date
    ) {
        self.snapshot = snapshot
        self.metricsGeneration = metricsGeneration
        self.observations = observations
        self.history = history
        self.metrics = metrics
        self.now = now
    }
}
