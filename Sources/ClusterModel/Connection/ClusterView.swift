import Foundation

/// What a `ClusterConnection` knows at one moment: the store's objects, the current observations, the latest metrics
/// and the cluster's time.
public struct ClusterView: Sendable {
    public var snapshot: ClusterSnapshot
    public var observations: [Observation]
    public var metrics: MetricsSnapshot
    public var now: Date

    public init(snapshot: ClusterSnapshot, observations: [Observation], metrics: MetricsSnapshot, now: Date) {
        self.snapshot = snapshot
        self.observations = observations
        self.metrics = metrics
        self.now = now
    }
}
