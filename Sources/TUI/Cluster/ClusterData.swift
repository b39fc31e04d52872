import ClusterModel
import Foundation

/// What the background feed hands the UI loop: the store's snapshot, the signals and what they remember,
/// the thresholds they judge by, metrics and the time.
public struct ClusterData: Sendable {
    public var snapshot: ClusterSnapshot
    /// The current observations (active and recently cleared).
    public var observations: [Observation]
    /// What the signal rules remember: restart counts over time, for restarts in the last hour.
    public var history: SignalHistory
    /// The thresholds the signal rules use; the panes mark rows by the same ones.
    public var thresholds: SignalThresholds
    public var metrics: MetricsSnapshot
    /// The cluster's time, for ages (a simulator's clock in a demo).
    public var now: Date

    public init(
        snapshot: ClusterSnapshot = ClusterSnapshot(), observations: [Observation] = [],
        history: SignalHistory = SignalHistory(), thresholds: SignalThresholds = SignalThresholds(),
        metrics: MetricsSnapshot = .empty, now: Date
    ) {
        self.snapshot = snapshot
        self.observations = observations
        self.history = history
        self.thresholds = thresholds
        self.metrics = metrics
        self.now = now
    }
}
